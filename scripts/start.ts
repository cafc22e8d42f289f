import { spawn, spawnSync } from 'node:child_process';
import { arg, electronBinary, onExit, startBrowserShell, startLocalServer } from './localStack';

/**
 * `npm start`: builds the app, starts a local central server with demo data, and launches the
 * desktop app against it. Where the Electron binary could not be downloaded, it says so and
 * serves the same app in the browser shell instead.
 */
async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const server = await startLocalServer('./data/server');
  const electron = electronBinary();
  if (electron) {
    const app = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, YOUFU_SERVER_URL: server.url } });
    app.on('exit', () => void server.close().then(() => process.exit(0)));
    onExit(async () => {
      app.kill();
      await server.close();
    });
    return;
  }
  console.log('\nThe Electron binary is not available on this machine (it cannot be downloaded here);');
  console.log('serving the same app in the browser shell instead.');
  const shell = await startBrowserShell('preview', Number(arg('port', '4173')));
  console.log(`\n优抚工作台 Youfu Desk: ${shell.resolvedUrls?.local[0] ?? ''}`);
  onExit(() => Promise.all([shell.close(), server.close()]));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
