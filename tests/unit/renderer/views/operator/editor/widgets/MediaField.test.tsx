import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiAnswer } from '../../../../../../../src/renderer/transport/content-api';
import type { PackImage, Uploaded } from '../../../../../../../src/shared/protocol/content-api';
import {
  MediaField,
  type UploadApi,
} from '../../../../../../../src/renderer/views/operator/editor/widgets/MediaField';
import { renderWidget } from './harness';

const answer = (path: string, more: Partial<Uploaded> = {}): ApiAnswer<Uploaded> => ({
  status: 'ok',
  value: {
    path,
    type: 'jpeg',
    width: 640,
    height: 480,
    scaled: false,
    metadataRemoved: false,
    ...more,
  },
});

function fakeApi(
  reply: (file: Blob, name: string) => Promise<ApiAnswer<Uploaded>>,
  images: ApiAnswer<PackImage[]> = { status: 'ok', value: [] },
) {
  const upload = vi.fn<UploadApi['upload']>((file, name) => reply(file, name));
  const listImages = vi.fn<UploadApi['listImages']>(async () => images);
  return { upload, listImages };
}

const photo = (name = 'ivan.jpg') => new File([new Uint8Array([0xff, 0xd8, 0xff])], name);
const pick = (file: File) =>
  fireEvent.change(screen.getByLabelText('Choose an image…'), { target: { files: [file] } });

beforeEach(() => {
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:preview-${++n}`);
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

describe('MediaField', () => {
  it('uploads a case photo to photos and writes the saved path into the field', async () => {
    const api = fakeApi(async () => answer('media/photos/ivan.jpg', { metadataRemoved: true }));
    const form = renderWidget(MediaField, {
      path: ['photo', 'file'],
      spec: { type: 'media' },
      parent: { consent: true },
      extra: { api },
    });
    pick(photo());
    await waitFor(() => expect(form.last()).toBe('media/photos/ivan.jpg'));
    expect(api.upload).toHaveBeenCalledWith(expect.any(File), 'ivan.jpg', 'photos');
    expect(screen.getByText('In the pack as media/photos/ivan.jpg')).toBeInTheDocument();
    expect(screen.getByText('Location and camera data removed')).toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAttribute('src', 'blob:preview-1');
  });

  it('uploads a dropped drawing to drawings and says it was renamed for what it is', async () => {
    const api = fakeApi(async () => answer('media/drawings/cell.png', { type: 'png' }));
    const form = renderWidget(MediaField, {
      path: ['image'],
      spec: { type: 'media' },
      parent: { kind: 'drawing', consent: true },
      extra: { api },
    });
    const drop = screen.getByText('or drop one here').closest('.ed-media')!;
    fireEvent.drop(drop, { dataTransfer: { files: [photo('cell.jpg')], types: ['Files'] } });
    await waitFor(() => expect(form.last()).toBe('media/drawings/cell.png'));
    expect(api.upload).toHaveBeenCalledWith(expect.any(File), 'cell.jpg', 'drawings');
    expect(screen.getByText('Saved as .png: it is a PNG')).toBeInTheDocument();
  });

  it.each([
    ['missing', {}],
    ['false', { consent: false }],
    ['a string, not true', { consent: 'yes' }],
  ])('warns when consent is %s', (_, parent) => {
    renderWidget(MediaField, {
      path: ['photo', 'file'],
      spec: { type: 'media' },
      value: 'media/photos/ivan.jpg',
      parent,
      extra: { api: null, previewUrl: (p: string) => `/media/${p}` },
    });
    expect(screen.getByText('Without consent this photo is never shown.')).toBeInTheDocument();
    // The core would not serve it anyway: no request for a picture it refuses.
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('says nothing about consent once it is given, and previews the saved file', () => {
    renderWidget(MediaField, {
      path: ['image'],
      spec: { type: 'media' },
      value: 'media/drawings/cell.png',
      parent: { kind: 'drawing', consent: true },
      extra: { api: null, previewUrl: (p: string) => `/media/${p}` },
    });
    expect(screen.queryByText(/Without consent/)).toBeNull();
    expect(screen.getByRole('img')).toHaveAttribute('src', '/media/media/drawings/cell.png');
  });

  it('keeps the last good file and says why when the core refuses the upload', async () => {
    const api = fakeApi(async () => ({
      status: 'error',
      httpStatus: 415,
      error: { message: 'This file is not an image.' },
    }));
    const form = renderWidget(MediaField, {
      path: ['photo', 'file'],
      spec: { type: 'media' },
      value: 'media/photos/old.jpg',
      parent: { consent: true },
      extra: { api, previewUrl: (p: string) => `/media/${p}` },
    });
    pick(photo('notes.txt.jpg'));
    expect(
      await screen.findByText('The upload failed: This file is not an image.'),
    ).toBeInTheDocument();
    expect(form.changes).toEqual([]);
    expect(screen.getByRole('img')).toHaveAttribute('src', '/media/media/photos/old.jpg');
  });

  it('lets only the latest choice write the field when an older upload answers last', async () => {
    const replies: ((a: ApiAnswer<Uploaded>) => void)[] = [];
    const api = fakeApi(() => new Promise((resolve) => replies.push(resolve)));
    const form = renderWidget(MediaField, {
      path: ['photo', 'file'],
      spec: { type: 'media' },
      parent: { consent: true },
      extra: { api },
    });
    pick(photo('wrong.jpg'));
    pick(photo('right.jpg'));
    await act(async () => replies[1]!(answer('media/photos/right.jpg')));
    await act(async () => replies[0]!(answer('media/photos/wrong.jpg')));
    expect(form.changes).toEqual(['media/photos/right.jpg']);
  });

  it('writes nothing when an upload answers after the form is gone', async () => {
    let reply: (a: ApiAnswer<Uploaded>) => void = () => {};
    const api = fakeApi(() => new Promise((resolve) => (reply = resolve)));
    const form = renderWidget(MediaField, {
      path: ['photo', 'file'],
      spec: { type: 'media' },
      parent: { consent: true },
      extra: { api },
    });
    pick(photo());
    form.unmount();
    await act(async () => reply(answer('media/photos/ivan.jpg')));
    expect(form.changes).toEqual([]);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview-1');
  });

  it('says the console cannot upload when its link has no token', async () => {
    renderWidget(MediaField, {
      path: ['photo', 'file'],
      spec: { type: 'media' },
      parent: { consent: true },
    });
    pick(photo());
    expect(await screen.findByRole('alert')).toHaveTextContent(/has no token/);
  });

  describe('an image already in the pack', () => {
    const images: PackImage[] = [
      { path: 'media/cover.png', usedBy: [] },
      { path: 'media/drawings/cell.jpg', usedBy: ['drawing-cell'] },
      { path: 'media/drawings/yard.jpg', usedBy: [] },
      { path: 'media/photos/azat.jpg', usedBy: ['azat-miftakhov', 'statement-azat'] },
    ];
    const openList = () =>
      fireEvent.click(screen.getByRole('button', { name: 'Use an image already in the pack…' }));
    const choice = () => screen.getByLabelText('An image already in the pack');

    it('lists the pack’s images when asked, its own folder first, and writes the chosen path', async () => {
      const api = fakeApi(async () => answer('unused'), { status: 'ok', value: images });
      const form = renderWidget(MediaField, {
        path: ['photo', 'file'],
        spec: { type: 'media' },
        parent: { consent: true },
        extra: { api, previewUrl: (p: string) => `/media/${p}` },
      });
      // Nothing is read until the operator asks: a form that opens walks no folder.
      expect(api.listImages).not.toHaveBeenCalled();
      openList();
      await screen.findByLabelText('An image already in the pack');
      const groups = [...choice().querySelectorAll('optgroup')].map((g) => g.label);
      expect(groups).toEqual(['media/photos/', 'media/drawings/', 'media/']);
      expect(
        screen.getByRole('option', { name: 'azat.jpg (in azat-miftakhov, statement-azat)' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('option', { name: 'yard.jpg (not used yet)' })).toBeInTheDocument();
      fireEvent.change(choice(), { target: { value: 'media/drawings/cell.jpg' } });
      expect(form.last()).toBe('media/drawings/cell.jpg');
      expect(api.upload).not.toHaveBeenCalled();
    });

    it('wins over an upload still under way', async () => {
      let reply: (a: ApiAnswer<Uploaded>) => void = () => {};
      const api = fakeApi(() => new Promise((resolve) => (reply = resolve)), {
        status: 'ok',
        value: images,
      });
      const form = renderWidget(MediaField, {
        path: ['image'],
        spec: { type: 'media' },
        parent: { kind: 'drawing', consent: true },
        extra: { api },
      });
      pick(photo('slow.jpg'));
      openList();
      await screen.findByLabelText('An image already in the pack');
      fireEvent.change(choice(), { target: { value: 'media/drawings/yard.jpg' } });
      await act(async () => reply(answer('media/drawings/slow.jpg')));
      expect(form.changes).toEqual(['media/drawings/yard.jpg']);
      expect(screen.queryByText('Uploading…')).toBeNull();
    });

    it('says so when the pack has no images, and why when the list cannot be read', async () => {
      const empty = fakeApi(async () => answer('unused'));
      const first = renderWidget(MediaField, {
        path: ['image'],
        spec: { type: 'media' },
        parent: { kind: 'drawing', consent: true },
        extra: { api: empty },
      });
      openList();
      expect(await screen.findByText('The pack has no images yet.')).toBeInTheDocument();
      first.unmount();

      const refused = fakeApi(async () => answer('unused'), {
        status: 'error',
        httpStatus: 401,
        error: { message: 'A valid operator token is needed.' },
      });
      renderWidget(MediaField, {
        path: ['image'],
        spec: { type: 'media' },
        parent: { kind: 'drawing', consent: true },
        extra: { api: refused },
      });
      openList();
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Could not list the pack’s images: A valid operator token is needed.',
      );
      // It can be asked again.
      expect(
        screen.getByRole('button', { name: 'Use an image already in the pack…' }),
      ).toBeEnabled();
    });

    it('reads the list again after an upload, which is in the pack now', async () => {
      const api = fakeApi(async () => answer('media/photos/new.jpg'), {
        status: 'ok',
        value: images,
      });
      renderWidget(MediaField, {
        path: ['photo', 'file'],
        spec: { type: 'media' },
        parent: { consent: true },
        extra: { api },
      });
      openList();
      await screen.findByLabelText('An image already in the pack');
      pick(photo('new.jpg'));
      await screen.findByText('In the pack as media/photos/new.jpg');
      openList();
      await screen.findByLabelText('An image already in the pack');
      expect(api.listImages).toHaveBeenCalledTimes(2);
    });
  });
});
