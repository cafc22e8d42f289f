export interface IdleLockDeps {
  /** Seconds since the last keyboard or mouse input anywhere (Electron's powerMonitor). */
  getIdleSeconds: () => number;
  isUnlocked: () => boolean;
  lock: () => void;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  checkEveryMs?: number;
}

export interface IdleLock {
  setTimeoutMinutes(minutes: number): void;
  /** The OS screen locked or the machine is going to sleep: lock now. */
  lockNow(): void;
  stop(): void;
}

/**
 * Auto-lock after inactivity. Uses the system idle time rather than events from the page, so
 * it still works when the renderer is busy or hung, and checks on a timer in main where the
 * page cannot switch it off.
 */
export function startIdleLock(deps: IdleLockDeps, minutes: number): IdleLock {
  let timeoutSeconds = minutes * 60;
  const check = (): void => {
    if (deps.isUnlocked() && deps.getIdleSeconds() >= timeoutSeconds) deps.lock();
  };
  const handle = deps.setInterval(check, deps.checkEveryMs ?? 15_000);
  return {
    setTimeoutMinutes(m) {
      timeoutSeconds = m * 60;
      check();
    },
    lockNow() {
      if (deps.isUnlocked()) deps.lock();
    },
    stop() {
      deps.clearInterval(handle);
    },
  };
}
