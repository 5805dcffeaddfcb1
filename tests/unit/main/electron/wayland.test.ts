import { describe, expect, it } from 'vitest';
import { waylandWarning } from '../../../../src/main/electron/wayland';

describe('waylandWarning', () => {
  it('warns on a Wayland desktop when Electron was not told to use X11', () => {
    expect(waylandWarning('linux', { XDG_SESSION_TYPE: 'wayland' }, '')).toMatch(
      /cannot choose its monitor.*--ozone-platform=x11/,
    );
    expect(waylandWarning('linux', { WAYLAND_DISPLAY: 'wayland-0' }, '')).not.toBeNull();
    expect(waylandWarning('linux', {}, 'wayland')).not.toBeNull();
  });

  it('is quiet on X11, with the X11 switch, and off Linux', () => {
    expect(waylandWarning('linux', { XDG_SESSION_TYPE: 'x11' }, '')).toBeNull();
    expect(waylandWarning('linux', { XDG_SESSION_TYPE: 'wayland' }, 'x11')).toBeNull();
    expect(waylandWarning('darwin', { XDG_SESSION_TYPE: 'wayland' }, '')).toBeNull();
    expect(waylandWarning('win32', { WAYLAND_DISPLAY: 'wayland-0' }, '')).toBeNull();
  });
});
