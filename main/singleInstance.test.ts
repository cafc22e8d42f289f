import { describe, expect, it, vi } from 'vitest';
import { type FocusableWindow, acquireSingleInstance } from './singleInstance';

function fakeApp(gotLock: boolean) {
  let secondInstance: (() => void) | null = null;
  return {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', l: () => void) => {
      secondInstance = l;
    }),
    launchAgain: () => secondInstance?.(),
  };
}
function fakeWindow(minimized: boolean) {
  const calls = { restore: vi.fn<() => void>(), show: vi.fn<() => void>(), focus: vi.fn<() => void>() };
  const win: FocusableWindow = { isDestroyed: () => false, isMinimized: () => minimized, ...calls };
  return { win, calls };
}

describe('single instance', () => {
  it('the second copy quits and reports it must not start', () => {
    const app = fakeApp(false);
    expect(acquireSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('the first copy restores and focuses its window when launched again', () => {
    const app = fakeApp(true);
    const { win, calls } = fakeWindow(true);
    expect(acquireSingleInstance(app, () => win)).toBe(true);
    app.launchAgain();
    expect(calls.restore).toHaveBeenCalled();
    expect(calls.focus).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('does nothing when there is no window yet', () => {
    const app = fakeApp(true);
    acquireSingleInstance(app, () => null);
    expect(() => app.launchAgain()).not.toThrow();
  });
});
