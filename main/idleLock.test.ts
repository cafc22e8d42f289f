import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleLock } from './idleLock';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(minutes = 10) {
  const state = { idleSeconds: 0, unlocked: true };
  const lock = vi.fn(() => {
    state.unlocked = false;
  });
  const idle = startIdleLock(
    {
      getIdleSeconds: () => state.idleSeconds,
      isUnlocked: () => state.unlocked,
      lock,
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    },
    minutes,
  );
  return { state, lock, idle };
}

describe('idle lock', () => {
  it('locks once the system has been idle for the configured minutes (default 10)', () => {
    const { state, lock } = setup();
    state.idleSeconds = 9 * 60 + 59;
    vi.advanceTimersByTime(15_000);
    expect(lock).not.toHaveBeenCalled();
    state.idleSeconds = 10 * 60;
    vi.advanceTimersByTime(15_000);
    expect(lock).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('applies a shorter setting at once', () => {
    const { state, lock, idle } = setup();
    state.idleSeconds = 3 * 60;
    idle.setTimeoutMinutes(2);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('locks on system lock or suspend, and stops checking when stopped', () => {
    const { state, lock, idle } = setup();
    idle.lockNow();
    expect(lock).toHaveBeenCalledTimes(1);
    state.unlocked = true;
    idle.stop();
    state.idleSeconds = 99_999;
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledTimes(1);
  });
});
