import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorageConfig } from './databases';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function envFor(storage: StorageConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', ...extra };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
  if (storage.dataDir) env.DATA_DIR = storage.dataDir;
  return env;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { done: Promise<ExitResult>; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<ExitResult>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { done, out: () => stdout, err: () => stderr };
}

/** Runs `server/adminCli.ts` to completion. */
export function runAdmin(storage: StorageConfig, args: string[], extraEnv: Record<string, string> = {}): Promise<ExitResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/adminCli.ts', ...args], {
    cwd: REPO,
    env: envFor(storage, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child).done;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<ExitResult>;
  /** SIGKILL: no shutdown code runs, like a power cut of the process. */
  kill9(): Promise<ExitResult>;
  /** SIGTERM: the server closes its database cleanly. */
  stop(): Promise<ExitResult>;
}

/** Starts `server/main.ts` in a child process and waits until it listens (or exits). */
export async function startServerProcess(storage: StorageConfig, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--quiet'], {
    cwd: REPO,
    env: envFor(storage),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const io = collect(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${io.out()}\n${io.err()}`)), timeoutMs);
    const onData = (): void => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(io.out());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    void io.done.then((r) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${r.code ?? r.signal}) before listening:\n${r.stdout}\n${r.stderr}`));
    });
  });
  return {
    url,
    child,
    exited: io.done,
    kill9() {
      child.kill('SIGKILL');
      return io.done;
    },
    stop() {
      child.kill('SIGTERM');
      return io.done;
    },
  };
}

/** Starts the server (with extra `args`, e.g. `--demo`) expecting it to refuse: resolves with its exit. */
export function startServerExpectingFailure(storage: StorageConfig, args: string[] = []): Promise<ExitResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--quiet', ...args], {
    cwd: REPO,
    env: envFor(storage),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const io = collect(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return io.done.finally(() => clearTimeout(timer));
}
