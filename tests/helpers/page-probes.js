/* global window, document, requestAnimationFrame, MutationObserver, getComputedStyle */
/*
 * Installed into display pages before their own scripts (page.addInitScript), as plain
 * JavaScript because the e2e TypeScript is checked without the DOM library. It watches from
 * inside the page what a test cannot time from outside:
 *
 * - `items`: each time a slide goes up, its id and when (performance.now());
 * - `shows`: each `show` message as it arrives on the socket, and what the DOM showed at the
 *   next animation frame (the frame the browser paints next);
 * - `overflow()`: every element with text whose content sticks out of its box or off screen.
 */
(() => {
  const probe = { items: [], shows: [] };
  window.__probe = probe;

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      // Added before the app sets onmessage, so this runs first for every message.
      this.addEventListener('message', (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        if (message.type !== 'show') return;
        const record = {
          at: performance.now(),
          blackout: message.show.blackout,
          safeMode: message.show.safeMode,
          itemId: message.show.itemId,
        };
        probe.shows.push(record);
        requestAnimationFrame(() => {
          record.frameAt = performance.now();
          record.dom = probe.state();
        });
      });
    }
  };

  probe.state = () => ({
    blackout: document.querySelector('[data-testid="blackout"]') !== null,
    sensitive: document.querySelector('[data-sensitive="true"]') !== null,
    itemId: probe.onScreen(),
    text: document.body ? document.body.innerText : '',
  });

  probe.onScreen = () => {
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    return frame ? frame.getAttribute('data-item-id') : null;
  };

  // By element, not by id: the same item going up again (a new pass, a goTo) is a new frame.
  let last;
  const check = () => {
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    if (frame !== last) {
      last = frame;
      probe.items.push({ id: probe.onScreen(), at: performance.now() });
    }
  };
  const start = () => {
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-item-id', 'data-phase'],
    });
    check();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  /** True when `itemId` is fully on screen: the fade over, fonts and images loaded. */
  probe.settled = (itemId) => {
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    return (
      !!frame &&
      frame.getAttribute('data-item-id') === itemId &&
      !document.querySelector('.slide-frame[data-phase="out"]') &&
      document.fonts.status === 'loaded' &&
      [...frame.querySelectorAll('img')].every((image) => image.complete)
    );
  };

  /** Resolves after `n` painted frames. */
  probe.frames = (n = 2) =>
    new Promise((resolve) => {
      const step = (left) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    });

  /** True when an ancestor of `element` (up to `root`) scrolls vertically. */
  const scrolledInside = (element, root) => {
    for (let up = element.parentElement; up && up !== root.parentElement; up = up.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(up).overflowY)) return true;
    }
    return false;
  };

  probe.overflow = (selector = '.display') => {
    const root = document.querySelector(selector);
    if (!root) return [`no ${selector}`];
    const problems = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    for (const element of [root, ...root.querySelectorAll('*')]) {
      // The next slide, built hidden ahead of time and never painted: it is measured when it
      // goes up (and reading its sizes here would lay it out out of turn).
      if (element.closest('[data-phase="upcoming"]')) continue;
      if (!element.textContent || !element.textContent.trim()) continue;
      if (getComputedStyle(element).display === 'none') continue;
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      const text = element.textContent.trim().slice(0, 40);
      // A box the reader scrolls (the merch table's case record) may be taller than the
      // screen; what is inside it is reached by scrolling, not cut. Sideways is still checked.
      const scrollsDown = ['auto', 'scroll'].includes(getComputedStyle(element).overflowY);
      const inScroller = scrolledInside(element, root);
      if (
        element.scrollWidth > element.clientWidth + 1 ||
        (!scrollsDown && element.scrollHeight > element.clientHeight + 1)
      ) {
        problems.push(
          `${name} "${text}": content ${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight}`,
        );
      }
      const box = element.getBoundingClientRect();
      if (
        box.width > 0 &&
        (box.left < -1 ||
          box.right > width + 1 ||
          (!inScroller && (box.top < -1 || box.bottom > height + 1)))
      ) {
        problems.push(`${name} "${text}": off screen at ${JSON.stringify(box)}`);
      }
    }
    return problems;
  };
})();
