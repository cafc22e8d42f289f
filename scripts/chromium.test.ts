import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, findChromium } from './chromium';

const scratch = mkdtempSync(join(tmpdir(), 'youfu-chromium-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('which Chromium the tests and the bench drive', () => {
  const fakeSystem = join(scratch, 'system-chromium');
  writeFileSync(fakeSystem, '#!/bin/sh\n');
  chmodSync(fakeSystem, 0o755);

  it('takes CHROMIUM_PATH first, then the system one', () => {
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/mine/chrome' }, systemPaths: [fakeSystem] })).toEqual({
      path: '/opt/mine/chrome',
      source: 'CHROMIUM_PATH',
    });
    expect(findChromium({ env: {}, systemPaths: [join(scratch, 'absent'), fakeSystem] })).toEqual({ path: fakeSystem, source: 'system' });
  });

  it('without either, launches the Chromium inside the npm package: a served page keeps its IndexedDB data across a reload', async () => {
    const unpackRoot = join(scratch, 'unpack');
    const found = findChromium({ env: {}, systemPaths: [join(scratch, 'absent')], unpackRoot });
    expect(found.source).toBe('npm');
    expect(found.path.startsWith(unpackRoot)).toBe(true);

    const page = `<!doctype html><meta charset="utf-8"><title>优抚</title><p id="out">…</p><script>
      const open = () => new Promise((res, rej) => { const q = indexedDB.open('probe', 1);
        q.onupgradeneeded = () => q.result.createObjectStore('kv'); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
      open().then((db) => { const get = db.transaction('kv').objectStore('kv').get('visits');
        get.onsuccess = () => { const n = (get.result ?? 0) + 1;
          const tx = db.transaction('kv', 'readwrite'); tx.objectStore('kv').put(n, 'visits');
          tx.oncomplete = () => { document.getElementById('out').textContent = '第 ' + n + ' 次打开'; }; }; });
    </script>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const opts = chromiumLaunchOptions({ env: {}, systemPaths: [join(scratch, 'absent')], unpackRoot });
    expect(opts.executablePath).toBe(found.path);
    const browser = await chromium.launch(opts);
    try {
      const tab = await browser.newPage();
      await tab.goto(url);
      await expect.poll(() => tab.textContent('#out')).toBe('第 1 次打开');
      await tab.reload();
      await expect.poll(() => tab.textContent('#out')).toBe('第 2 次打开');
      expect(await tab.title()).toBe('优抚');
    } finally {
      await browser.close();
      server.close();
    }
  });
});
