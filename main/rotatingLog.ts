import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Log } from './logTypes';
import { describeForLog, redactText } from './redact';

export interface RotatingLogOptions {
  dir: string;
  /** main.log → main.1.log → … → main.<keep>.log, oldest dropped. */
  baseName?: string;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
  /** Also echo to the console (development). */
  echo?: (line: string) => void;
}

export interface RotatingLog extends Log {
  readonly dir: string;
  readonly filePath: string;
}

/**
 * The main process's log. Writes are synchronous on purpose: the fatal-error handler logs
 * and then exits, and an async write would be lost. Lines are redacted before they are
 * written; a failing disk never throws into the caller.
 */
export function createRotatingLog(opts: RotatingLogOptions): RotatingLog {
  const baseName = opts.baseName ?? 'main.log';
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = opts.keep ?? 5;
  const now = opts.now ?? (() => new Date());
  const filePath = path.join(opts.dir, baseName);
  const ext = path.extname(baseName);
  const stem = baseName.slice(0, baseName.length - ext.length);
  const rotated = (i: number): string => path.join(opts.dir, `${stem}.${i}${ext}`);

  function sizeOf(file: string): number {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  }

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(rotated(i), rotated(i + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(filePath, keep >= 1 ? rotated(1) : `${filePath}.old`);
    if (keep < 1) rmSync(`${filePath}.old`, { force: true });
  }

  function write(level: string, message: string, detail?: unknown): void {
    const tail = describeForLog(detail);
    const line = `${now().toISOString()} [${level}] ${redactText(message)}${tail ? ` ${tail}` : ''}\n`;
    try {
      mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
      const size = sizeOf(filePath);
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(filePath, line, { mode: 0o600 });
    } catch {
      // Logging must never take the app down; the echo below still shows it in development.
    }
    opts.echo?.(line.trimEnd());
  }

  return {
    dir: opts.dir,
    filePath,
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
