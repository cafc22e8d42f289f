import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AppEventsLike, type ProcessEventsLike, installGlobalErrorHandlers } from './errorHandlers';
import { createRotatingLog } from './rotatingLog';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function logDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'youfu-log-'));
  dirs.push(dir);
  return path.join(dir, 'logs');
}
const fixedNow = () => new Date('2026-06-01T00:00:00.000Z');

describe('rotating log', () => {
  it('writes timestamped, levelled, redacted lines', () => {
    const log = createRotatingLog({ dir: logDir(), now: fixedNow });
    log.error('push failed for 440304199001011234', {
      password: 'hunter2',
      headers: { authorization: 'Bearer abc' },
      phone: '13812345678',
    });
    const text = readFileSync(log.filePath, 'utf8');
    expect(text).toMatch(/^2026-06-01T00:00:00.000Z \[error\] push failed for \[ID-NUMBER\] /);
    expect(text).not.toMatch(/440304199001011234|hunter2|Bearer abc|13812345678/);
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = logDir();
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2, now: fixedNow });
    for (let i = 0; i < 20; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f)).length).toBeLessThanOrEqual(200);
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 19');
    expect(readFileSync(path.join(dir, 'main.2.log'), 'utf8')).not.toContain('line 0 ');
  });

  it('never throws when the folder cannot be written', () => {
    // A folder "inside" a file: mkdir fails with ENOTDIR.
    const blocker = path.join(path.dirname(logDir()), 'a-file');
    writeFileSync(blocker, 'x');
    const log = createRotatingLog({ dir: path.join(blocker, 'logs') });
    expect(() => log.error('x')).not.toThrow();
    expect(existsSync(log.filePath)).toBe(false);
  });
});

type Listener = (...args: never[]) => void;
class Emitter implements ProcessEventsLike, AppEventsLike {
  readonly listeners = new Map<string, Listener>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
}

describe('global error handler', () => {
  function setup() {
    const proc = new Emitter();
    const app = new Emitter();
    const log = createRotatingLog({ dir: logDir(), now: fixedNow });
    const onFatal = vi.fn();
    const onRendererGone = vi.fn();
    installGlobalErrorHandlers({ process: proc, app, log, onFatal, onRendererGone });
    return { proc, app, log, onFatal, onRendererGone, text: () => readFileSync(log.filePath, 'utf8') };
  }

  it('logs an uncaught exception, redacted, then treats it as fatal', () => {
    const s = setup();
    const error = new Error('cannot save 13812345678');
    s.proc.emit('uncaughtException', error);
    expect(s.text()).toContain('uncaught exception in main');
    expect(s.text()).toContain('cannot save [PHONE]');
    expect(s.onFatal).toHaveBeenCalledWith(error);
  });

  it('logs an unhandled rejection without quitting', () => {
    const s = setup();
    s.proc.emit('unhandledRejection', { token: 'abc' });
    expect(s.text()).toContain('unhandled promise rejection');
    expect(s.text()).not.toContain('abc');
    expect(s.onFatal).not.toHaveBeenCalled();
  });

  it('logs a renderer crash and asks for recovery, but not for a clean exit', () => {
    const s = setup();
    s.app.emit('render-process-gone', {}, 'wc', { reason: 'crashed', exitCode: 139 });
    s.app.emit('render-process-gone', {}, 'wc', { reason: 'clean-exit', exitCode: 0 });
    expect(s.text()).toContain('renderer process gone {"reason":"crashed","exitCode":139}');
    expect(s.onRendererGone).toHaveBeenCalledTimes(1);
  });
});
