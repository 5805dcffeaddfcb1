import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PrintDialog } from '../../../../../../../src/renderer/views/operator/editor/print/PrintDialog';
import type { AppLanguage } from '../../../../../../../src/shared/i18n';
import { inLanguage } from '../../../../in-language';

function renderDialog(
  overrides: Partial<Parameters<typeof PrintDialog>[0]> = {},
  language: AppLanguage = 'en',
) {
  const onOpen = vi.fn();
  const onCancel = vi.fn();
  const props = {
    itemId: 'free-boris-site',
    sensitive: false,
    unsaved: false,
    languages: ['en', 'ru', 'fr'],
    events: [{ id: 'solidarity-day-boris-2023', title: 'Solidarity day' }],
    origin: 'http://127.0.0.1:8080',
    token: 's3cr3t+/=',
    onOpen,
    onCancel,
    ...overrides,
  };
  render(inLanguage(<PrintDialog {...props} />, language).ui);
  return { onOpen, onCancel, dialog: within(screen.getByRole('dialog')) };
}

describe('PrintDialog', () => {
  it('opens the print page for the chosen format, two languages and the event, token encoded', () => {
    const { onOpen, dialog } = renderDialog();
    fireEvent.click(dialog.getByLabelText('A6 flyers, 4 per sheet'));
    fireEvent.change(dialog.getByLabelText('Language'), { target: { value: 'fr' } });
    fireEvent.change(dialog.getByLabelText('Second language, side by side'), {
      target: { value: 'en' },
    });
    fireEvent.change(dialog.getByLabelText('For the event (campaign tag)'), {
      target: { value: 'solidarity-day-boris-2023' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Open print page' }));
    expect(onOpen).toHaveBeenCalledWith(
      'http://127.0.0.1:8080/print?token=s3cr3t%2B%2F%3D&item=free-boris-site&format=a6&lang=fr&lang=en&event=solidarity-day-boris-2023',
    );
  });

  it('by default: an A4 poster in the pack’s first language, no event', () => {
    const { onOpen, dialog } = renderDialog();
    fireEvent.click(dialog.getByRole('button', { name: 'Open print page' }));
    expect(onOpen).toHaveBeenCalledWith(
      'http://127.0.0.1:8080/print?token=s3cr3t%2B%2F%3D&item=free-boris-site&format=a4&lang=en',
    );
  });

  it('never offers the first language again as the second, nor sends it twice', () => {
    const { onOpen, dialog } = renderDialog();
    const second = dialog.getByLabelText('Second language, side by side');
    fireEvent.change(second, { target: { value: 'ru' } });
    // Choosing the second language as the first leaves one language, not "ru" twice.
    fireEvent.change(dialog.getByLabelText('Language'), { target: { value: 'ru' } });
    expect(within(second).queryByRole('option', { name: 'RU' })).toBeNull();
    fireEvent.click(dialog.getByRole('button', { name: 'Open print page' }));
    expect(new URL(onOpen.mock.calls[0]![0] as string).searchParams.getAll('lang')).toEqual(['ru']);
  });

  it('says a sensitive item is marked sensitive before anything opens, in the reader’s language', () => {
    const { onOpen, dialog } = renderDialog({ sensitive: true }, 'fr');
    expect(dialog.getByRole('alert')).toHaveTextContent('Cet élément est marqué sensible');
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('says nothing of sensitivity for an item that is not', () => {
    const { dialog } = renderDialog();
    expect(dialog.queryByTestId('print-sensitive')).toBeNull();
  });

  it('warns that unsaved changes are not printed', () => {
    const { dialog } = renderDialog({ unsaved: true });
    expect(dialog.getByTestId('print-unsaved')).toHaveTextContent('save first');
  });

  it('Cancel opens nothing', () => {
    const { onOpen, onCancel, dialog } = renderDialog();
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onOpen).not.toHaveBeenCalled();
  });
});
