import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyContent, applyObs, applyShow } from '../../../../../src/renderer/stores';
import type { ObsInfo } from '../../../../../src/shared/protocol';
import {
  applyClients,
  applyNotices,
  applyRemote,
} from '../../../../../src/renderer/stores/operator';
import { keyBelongsToFocus } from '../../../../../src/renderer/views/operator/use-operator-keys';
import { toggledLanguages } from '../../../../../src/renderer/views/operator/OutputsPanel';
import { showState } from '../../fixtures';
import { lyricsShow, operatorSnapshot, renderOperator } from './fixtures';

const key = (k: string, init: KeyboardEventInit = {}) =>
  act(() => {
    fireEvent.keyDown(window, { key: k, ...init });
  });

describe('OperatorView', () => {
  it('previews what is on air and what comes next, with the real slides', () => {
    renderOperator();
    const now = screen.getByTestId('preview-now');
    expect(now).toHaveAttribute('data-item-id', 'boris-kagarlitsky');
    expect(
      within(now).getByRole('heading', { name: 'Boris Kagarlitsky', hidden: true }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('preview-next')).toHaveAttribute('data-item-id', 'free-boris-site');
    expect(screen.getByTestId('on-air-title')).toHaveTextContent('Boris Kagarlitsky');
  });

  it('lists the playlist as thumbnails; a click puts the item on air', () => {
    const { send } = renderOperator();
    const strip = screen.getByTestId('strip');
    const thumbs = within(strip).getAllByRole('button');
    expect(thumbs).toHaveLength(2);
    expect(thumbs[0]).toHaveAttribute('aria-current', 'true');
    fireEvent.click(thumbs[1]!);
    expect(send).toHaveBeenCalledWith({ name: 'goTo', itemId: 'free-boris-site' });
    fireEvent.click(screen.getByTestId('playlist-main'));
    expect(send).toHaveBeenCalledWith({ name: 'setPlaylist', playlistId: 'main' });
  });

  it('runs the same actions from keys and buttons, and shows their keys', () => {
    const { send } = renderOperator();
    key('ArrowRight');
    expect(send).toHaveBeenLastCalledWith({ name: 'next' });
    key('PageUp');
    expect(send).toHaveBeenLastCalledWith({ name: 'previous' });
    key(' ');
    expect(send).toHaveBeenLastCalledWith({ name: 'togglePause' });
    key('b');
    expect(send).toHaveBeenLastCalledWith({ name: 'blackout', on: true });
    fireEvent.click(screen.getByTestId('blackout'));
    expect(send).toHaveBeenLastCalledWith({ name: 'blackout', on: true });
    expect(within(screen.getByTestId('blackout')).getByText('B')).toBeInTheDocument();
    expect(within(screen.getByTestId('safe-mode')).getByText('S')).toBeInTheDocument();
    // A held key sends once.
    send.mockClear();
    key('ArrowRight', { repeat: true });
    expect(send).not.toHaveBeenCalled();
  });

  it('ignores keys while the operator types in a field', () => {
    const { send, container } = renderOperator();
    const input = document.createElement('input');
    container.appendChild(input);
    act(() => {
      fireEvent.keyDown(input, { key: 'b' });
      fireEvent.keyDown(input, { key: 'ArrowRight' });
    });
    expect(send).not.toHaveBeenCalled();
    expect(keyBelongsToFocus(input, 'b')).toBe(true);
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(keyBelongsToFocus(box, 'PageDown')).toBe(false);
    expect(keyBelongsToFocus(box, ' ')).toBe(true);
    expect(keyBelongsToFocus(document.body, ' ')).toBe(false);
  });

  it('moves the lyrics with Space, the arrows and the clicker while a song is on', () => {
    const { send } = renderOperator(lyricsShow(0));
    key(' ');
    key('ArrowRight');
    key('PageDown');
    expect(send.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { name: 'lyricsNext' },
      { name: 'lyricsNext' },
      { name: 'lyricsNext' },
    ]);
    key('PageUp');
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsPrevious' });
    key('ArrowDown');
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsNextStanza' });
  });

  it('shows the whole song with the current line marked; a click jumps to a line', () => {
    const { send, stores } = renderOperator(lyricsShow(1));
    const lines = within(screen.getByTestId('song-lines'));
    const current = lines.getByRole('button', { current: true });
    expect(current).toHaveAttribute('data-lyric-line', '1');
    expect(current).toHaveTextContent('Весь мир голодных и рабов!');
    expect(current).toHaveTextContent('The whole world of the hungry and the slaves!');
    expect(lines.getByText('Verse 1')).toBeInTheDocument();
    expect(screen.getByTestId('lyric-position')).toHaveTextContent('Line 2 of 2');
    fireEvent.click(lines.getByText('Вставай, проклятьем заклеймённый,'));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsGoTo', line: 0 });
    act(() => applyShow(lyricsShow(0), stores.show));
    expect(lines.getByRole('button', { current: true })).toHaveAttribute('data-lyric-line', '0');
  });

  it('offers to start a song when none is on', () => {
    const { send } = renderOperator();
    fireEvent.click(screen.getByTestId('start-song-internationale'));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsStart', songId: 'internationale' });
    expect(screen.getByTestId('start-song-timed-song')).toHaveTextContent('(timed)');
  });

  it('shows the timed controls for a song with LRC, with its cue times', () => {
    const show = lyricsShow(0, {
      itemId: 'timed-song',
      lyrics: {
        songId: 'timed-song',
        line: 1,
        timed: { running: false, anchorAt: 0, pausedAtMs: 5_000 },
      },
    });
    const { send } = renderOperator(show);
    expect(screen.getByTestId('timed-status')).toHaveTextContent('Timing paused at 0:05.0');
    expect(screen.getByText('0:04.5')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Resume timing/ }));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsTimedResume' });
    fireEvent.click(screen.getByRole('button', { name: /Nudge \+0\.5 s/ }));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsNudge', ms: 500 });
  });

  it('runs a setlist: start it, next song, end song', () => {
    const { send, stores } = renderOperator();
    fireEvent.click(screen.getByTestId('setlist-start-concert'));
    expect(send).toHaveBeenLastCalledWith({ name: 'setlistStart', setlistId: 'concert' });
    const setlist = (songIndex: number | null, nextSongIndex: number | null) => ({
      setlist: { setlistId: 'concert', songIndex, nextSongIndex },
    });
    act(() => applyShow(showState(setlist(null, 0)), stores.show));
    expect(screen.getByTestId('setlist-state')).toHaveTextContent('Between songs');
    expect(screen.getByTestId('next-song')).toHaveTextContent('The Internationale');
    fireEvent.click(screen.getByTestId('next-song'));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsStart', songId: 'internationale' });
    act(() => applyShow(lyricsShow(0, setlist(0, 2)), stores.show));
    expect(screen.getByTestId('setlist-state')).toHaveTextContent('Song 1 of 3');
    // Back between songs: the core says the concert is past song 1.
    act(() => applyShow(showState(setlist(null, 2)), stores.show));
    expect(screen.getByTestId('next-song')).toHaveTextContent('A timed song');
    expect(screen.getByText('no lyrics')).toBeInTheDocument();
    key('n');
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsStart', songId: 'timed-song' });
  });

  it('a console opened mid-concert starts the song the core says comes next, not the first', () => {
    // The console was reloaded (or opened on a second laptop) between songs 1 and 3: it has
    // seen no song of this concert, and must not send the band back to the top.
    const between = showState({
      setlist: { setlistId: 'concert', songIndex: null, nextSongIndex: 2 },
    });
    const { send, stores } = renderOperator(between);
    expect(screen.getByTestId('next-song')).toHaveTextContent('Next song: A timed song');
    key('n');
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsStart', songId: 'timed-song' });
    fireEvent.click(screen.getByTestId('next-song'));
    expect(send).toHaveBeenLastCalledWith({ name: 'lyricsStart', songId: 'timed-song' });
    // The last song is over: the core says none is left, and N sends nothing.
    act(() =>
      applyShow(
        showState({ setlist: { setlistId: 'concert', songIndex: null, nextSongIndex: null } }),
        stores.show,
      ),
    );
    expect(screen.getByTestId('next-song')).toHaveTextContent('No more songs');
    expect(screen.getByTestId('next-song')).toBeDisabled();
    send.mockClear();
    key('n');
    expect(send).not.toHaveBeenCalled();
  });

  it('lists content errors with their file and line, and clears them when fixed', () => {
    const errors = [
      { file: 'cases/boris.yaml', line: 7, field: 'arrested', message: 'expected a date' },
      { file: 'songs/x.yaml', field: '', message: 'not YAML' },
    ];
    const { stores } = renderOperator(showState(), operatorSnapshot({ errors }));
    const list = screen.getByTestId('content-errors');
    expect(list).toHaveTextContent('cases/boris.yaml:7');
    expect(list).toHaveTextContent('arrested');
    expect(list).toHaveTextContent('expected a date');
    expect(list).toHaveTextContent('songs/x.yaml');
    expect(screen.getByText('2 content problems')).toBeInTheDocument();
    act(() => applyContent(operatorSnapshot({ errors: [], revision: 2 }), stores.content));
    expect(screen.queryByTestId('content-errors')).toBeNull();
  });

  it('lists the connected outputs and the core’s notices', () => {
    const { operator } = renderOperator();
    expect(screen.getByText(/Waiting for the list/)).toBeInTheDocument();
    act(() => {
      applyClients(
        [
          {
            id: 'me',
            role: 'operator',
            address: '127.0.0.1',
            agent: null,
            connectedAt: Date.now(),
            deviceId: null,
          },
          {
            id: 'd1',
            role: 'display',
            address: '127.0.0.1',
            agent: 'Chromium on Linux',
            connectedAt: Date.now(),
            deviceId: null,
          },
          {
            id: 'o1',
            role: 'overlay',
            address: '127.0.0.1',
            agent: 'OBS',
            connectedAt: Date.now(),
            deviceId: null,
          },
        ],
        operator,
      );
      applyNotices([{ message: 'tokens.json was unreadable and set aside' }], operator);
    });
    const outputs = screen.getByTestId('outputs');
    expect(within(outputs).getAllByRole('listitem')).toHaveLength(2);
    expect(outputs).toHaveTextContent('Venue screen');
    expect(outputs).toHaveTextContent('Chromium on Linux');
    expect(outputs).toHaveTextContent('Stream overlay (OBS)');
    expect(screen.getByTestId('notices')).toHaveTextContent('tokens.json was unreadable');
  });

  it('says how long an output has been connected by the core’s clock, not this computer’s', () => {
    const { operator, stores } = renderOperator();
    // The core's machine has no clock battery: it thinks it is six years ago.
    const coreNow = Date.now() - 6 * 365 * 24 * 3_600_000;
    act(() => {
      applyShow(showState({ serverTime: coreNow }), stores.show);
      applyClients(
        [
          {
            id: 'd1',
            role: 'display',
            address: '127.0.0.1',
            agent: null,
            connectedAt: coreNow - 5.5 * 60_000,
            deviceId: null,
          },
        ],
        operator,
      );
    });
    expect(screen.getByTestId('outputs')).toHaveTextContent('5 minutes ago');
  });

  it('picks languages per output', () => {
    const { send, stores } = renderOperator();
    const display = within(screen.getByTestId('languages-display'));
    fireEvent.click(display.getByRole('checkbox', { name: 'FR' }));
    expect(send).toHaveBeenLastCalledWith({
      name: 'setOutputLanguages',
      output: 'display',
      languages: ['fr'],
    });
    act(() =>
      applyShow(showState({ outputLanguages: { display: ['fr'], overlay: [] } }), stores.show),
    );
    expect(display.getByRole('checkbox', { name: 'FR' })).toBeChecked();
    const overlay = within(screen.getByTestId('languages-overlay'));
    expect(overlay.getByRole('checkbox', { name: 'FR' })).not.toBeChecked();
    fireEvent.click(overlay.getByRole('checkbox', { name: 'RU' }));
    expect(send).toHaveBeenLastCalledWith({
      name: 'setOutputLanguages',
      output: 'overlay',
      languages: ['ru'],
    });
    expect(toggledLanguages(['en', 'ru', 'fr'], ['fr'], 'ru', true)).toEqual(['ru', 'fr']);
    expect(toggledLanguages(['en', 'ru', 'fr'], ['fr'], 'fr', false)).toEqual([]);
  });

  it('toggles the overlay elements', () => {
    const { send } = renderOperator();
    fireEvent.click(screen.getByTestId('overlay-lowerThird'));
    expect(send).toHaveBeenLastCalledWith({ name: 'overlay', element: 'lowerThird', on: false });
  });

  it('shows on a stream toggle that OBS hides the element the show has on (its eye in OBS)', () => {
    const { stores } = renderOperator();
    const toggle = screen.getByTestId('overlay-lowerThird');
    expect(toggle.textContent).not.toContain('OBS:');
    act(() =>
      applyObs(
        {
          status: { state: 'connected', message: '', hasPassword: false, passwordFromEnv: false },
          scenes: null,
          outputs: null,
          setup: null,
          overlay: {
            at: 1,
            sceneExists: true,
            mode: 'native',
            remote: false,
            drift: [],
            elements: [{ element: 'lowerThird', console: true, obs: false }],
          },
        } as unknown as ObsInfo,
        stores.obs,
      ),
    );
    expect(toggle.textContent).toContain('on (OBS: hidden)');
    expect(toggle.className).toContain('op-drift');
  });

  it('turns the phone remote on, shows the QR code and the PIN, and revokes a phone', () => {
    const { send, operator, container } = renderOperator();
    act(() =>
      applyRemote(
        { enabled: false, url: null, pin: null, lockedUntil: null, devices: [], error: null },
        operator,
      ),
    );
    fireEvent.click(screen.getByTestId('remote-toggle'));
    expect(send).toHaveBeenLastCalledWith({ name: 'remoteEnable', on: true });
    act(() =>
      applyRemote(
        {
          enabled: true,
          url: 'http://192.168.1.20:8080/remote',
          pin: '482913',
          lockedUntil: Date.now() + 30_000,
          devices: [{ id: 'dev1', name: 'Masha’s phone', pairedAt: Date.now(), connected: true }],
          error: null,
        },
        operator,
      ),
    );
    expect(screen.getByTestId('remote-pin')).toHaveTextContent('482 913');
    expect(screen.getByTestId('remote-url')).toHaveTextContent('http://192.168.1.20:8080/remote');
    expect(container.querySelector('.op-qr svg')).not.toBeNull();
    expect(screen.getByTestId('remote-locked')).toHaveTextContent(/locked for [\d,]+ s/);
    fireEvent.click(screen.getByTestId('revoke-dev1'));
    expect(send).toHaveBeenLastCalledWith({ name: 'remoteRevoke', deviceId: 'dev1' });
  });

  it('opens the shortcut sheet on ? with every registered action', () => {
    renderOperator();
    key('?');
    const sheet = screen.getByRole('dialog');
    expect(within(sheet).getByText('Next line')).toBeInTheDocument();
    expect(within(sheet).getByText('Start cue')).toBeInTheDocument();
    expect(within(sheet).getAllByText('PgDn').length).toBeGreaterThan(0);
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says why the core refused a command', async () => {
    const { send } = renderOperator();
    send.mockResolvedValueOnce({ ok: false, error: { message: 'nothing to play' } } as never);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'ArrowRight' });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Next slide: nothing to play');
  });
});
