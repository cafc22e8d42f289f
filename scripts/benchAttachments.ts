import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { type IncomingMessage, type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation } from '../shared/sync/protocol';
import type { AttachmentBenchResult } from '../renderer/bench/attachmentBench';
import { createHttpLogin, createHttpTransport } from '../renderer/sync/transport';
import { MutationFactory, ST, attachmentFields, recipientFields, visitFields } from '../test/support/fixtures';
import { tusUpload } from '../test/support/tusUpload';
import type { BenchServer } from './benchServerProcess';

/**
 * Figure 9, upload throughput (issue 15): photos of random bytes uploaded one after another
 * through tus (tus-js-client from Node, 512 KiB chunks, the bytes sent with the creation, as the
 * desktop's main uploads) to the bench server, each after its attachment row was pushed (all
 * rows are pushed before the clock starts: the timed part is the bytes, creation, hash check
 * and blob store included). The requests tus sends are counted, by method.
 * Baseline: one raw HTTP PUT of the same bytes per photo to a trivial Node server in this
 * process that writes them to a temp file and fsyncs it. Tus and PUT alternate photo by photo,
 * so both see the same moments of a shared machine.
 */
export interface UploadBenchResult {
  photos: number;
  photoBytes: number;
  chunkSize: number;
  pushMs: number;
  tusMs: number;
  tusMBps: number;
  /** The timed photos' tus requests, by method (POST, PATCH, HEAD). */
  tusRequests: Record<string, number>;
  /** Mean time of one tus request and of one photo's upload. */
  tusMsPerRequest: number;
  tusMsPerPhoto: number;
  rawPutMs: number;
  rawPutMBps: number;
  rawPutMsPerPhoto: number;
  /** tus throughput / raw PUT throughput. */
  ratio: number;
}

const PHOTO_BYTES = 300_000;
const CHUNK = 512 * 1024;
const WARMUP = 3;
const STATION = ST.yuanlingA;
/** MB/s of 10^6 bytes. */
const mbps = (bytes: number, ms: number): number => Math.round((bytes / 1e6 / (ms / 1000)) * 100) / 100;

/** The baseline's server: each PUT's body into a file of its own, fsynced, then 204. */
async function startRawPutServer(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    const write = async (): Promise<void> => {
      const file = await open(join(dir, `put-${n++}`), 'w');
      try {
        for await (const chunk of req) await file.write(chunk as Buffer);
        await file.sync();
      } finally {
        await file.close();
      }
    };
    write().then(
      () => res.writeHead(204).end(),
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function rawPut(url: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': body.length } }, (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`raw PUT: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function uploadThroughputBench(
  server: BenchServer,
  opts: { username: string; password: string; photos: number },
): Promise<UploadBenchResult> {
  const login = await createHttpLogin({ baseUrl: server.url })({
    username: opts.username,
    password: opts.password,
    deviceId: `bench-upload-${randomUUID().slice(0, 8)}`,
  });
  if (!login.ok) throw new Error(`login: ${login.error.code} ${login.error.message}`);
  const { token, user } = login.value;
  const http = createHttpTransport({ baseUrl: server.url, getToken: () => token });

  // A recipient, a visit of theirs and one attachment row per photo, pushed before anything is timed.
  const factory = new MutationFactory(`bench-upload-${randomUUID()}`, () => new Date());
  const recipientId = randomUUID();
  const visitId = randomUUID();
  const photos = Array.from({ length: opts.photos + WARMUP }, () => ({ id: randomUUID(), bytes: randomBytes(PHOTO_BYTES) }));
  const mutations: Mutation[] = [
    factory.upsert('recipients', recipientId, recipientFields(STATION)),
    factory.upsert('visits', visitId, visitFields(recipientId, STATION, user.id)),
    ...photos.map((p) =>
      factory.upsert('attachments', p.id, attachmentFields(recipientId, STATION, { table: 'visits', id: visitId }, p.bytes, user.id)),
    ),
  ];
  const t0 = performance.now();
  for (let i = 0; i < mutations.length; i += 100) {
    const res = await http.push({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: factory.clientId,
      mutations: mutations.slice(i, i + 100),
    });
    if (!res.ok) throw new Error(`push: ${res.error.code} ${res.error.message}`);
    const refused = res.value.results.find((r) => r.status !== 'applied');
    if (refused) throw new Error(`push: ${JSON.stringify(refused)}`);
  }
  const pushMs = performance.now() - t0;

  const dir = await mkdtemp(join(tmpdir(), 'youfu-bench-put-'));
  const raw = await startRawPutServer(dir);
  try {
    let tusMs = 0;
    let rawPutMs = 0;
    const tusRequests: Record<string, number> = {};
    for (const [i, p] of photos.entries()) {
      const onRequest = (method: string): void => {
        if (i >= WARMUP) tusRequests[method] = (tusRequests[method] ?? 0) + 1;
      };
      let t = performance.now();
      const up = await tusUpload(server.url, token, p.bytes, { attachmentId: p.id, part: 'original' }, { chunkSize: CHUNK, onRequest });
      const tus = performance.now() - t;
      if (!up.ok) throw new Error(`tus upload: HTTP ${up.status ?? '?'} ${up.code ?? ''}`);
      t = performance.now();
      await rawPut(raw.url, p.bytes);
      const put = performance.now() - t;
      if (i >= WARMUP) {
        tusMs += tus;
        rawPutMs += put;
      }
    }
    const bytes = opts.photos * PHOTO_BYTES;
    const tusMBps = mbps(bytes, tusMs);
    const rawPutMBps = mbps(bytes, rawPutMs);
    const requests = Object.values(tusRequests).reduce((a, b) => a + b, 0);
    const round2 = (x: number): number => Math.round(x * 100) / 100;
    return {
      photos: opts.photos,
      photoBytes: PHOTO_BYTES,
      chunkSize: CHUNK,
      pushMs: Math.round(pushMs),
      tusMs: Math.round(tusMs),
      tusMBps,
      tusRequests,
      tusMsPerRequest: round2(tusMs / requests),
      tusMsPerPhoto: round2(tusMs / opts.photos),
      rawPutMs: Math.round(rawPutMs),
      rawPutMBps,
      rawPutMsPerPhoto: round2(rawPutMs / opts.photos),
      ratio: Math.round((rawPutMs / tusMs) * 100) / 100,
    };
  } finally {
    await raw.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A line of the runner's summary table (scripts/bench.ts). */
interface SummaryRow {
  figure: string;
  result: string;
  baseline: string;
  ratio: string;
  target: string;
}
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
const ms = (x: number): string => `${x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 })} ms`;
const mb = (bytes: number): string => `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

export function printUploads(r: UploadBenchResult): SummaryRow {
  console.log(
    `\nUpload of ${r.photos} photos of ${r.photoBytes / 1000} KB, one after another (rows pushed first in ${r.pushMs} ms; tus chunks of ${r.chunkSize / 1024} KiB)`,
  );
  const requests = Object.entries(r.tusRequests)
    .map(([method, n]) => `${method} ${n}`)
    .join(', ');
  console.table([
    {
      measure: 'tus upload to the bench server (creation with the bytes, hash check, blob store)',
      ms: r.tusMs,
      ms_per_photo: r.tusMsPerPhoto,
      mb_per_s: r.tusMBps,
    },
    {
      measure: 'baseline: raw HTTP PUT to a Node server in this process, temp file + fsync',
      ms: r.rawPutMs,
      ms_per_photo: r.rawPutMsPerPhoto,
      mb_per_s: r.rawPutMBps,
    },
  ]);
  console.log(`tus requests for the ${r.photos} photos: ${requests}; ${r.tusMsPerRequest} ms per request`);
  console.log(`ratio (tus / raw PUT throughput): ${r.ratio} (target ≥ 0.8 → ${verdict(r.ratio >= 0.8)})`);
  return {
    figure: `(9) upload of ${r.photos} photos of ${r.photoBytes / 1000} KB through tus`,
    result: `${r.tusMBps} MB/s`,
    baseline: `raw PUT + fsync: ${r.rawPutMBps} MB/s`,
    ratio: `${r.ratio} of raw`,
    target: `≥ 0.8: ${verdict(r.ratio >= 0.8)}`,
  };
}

export function printAttachmentVisits(r: AttachmentBenchResult): SummaryRow[] {
  const s = r.storage;
  console.log(
    `\nSaving a visit with ${r.photosPerVisit} photos (${r.photoBytes / 1000} KB, thumbnails ${r.thumbBytes / 1000} KB), ${r.visits} visits, ${r.recipients} recipients`,
  );
  console.table([
    { measure: 'logVisit with 3 photos (rows, outbox, sealed bytes) to the saved state', ...latency(r.withPhotos) },
    { measure: 'baseline: logVisit of the same kind of visit, no photo', ...latency(r.withoutPhotos) },
  ]);
  console.log(`ratio (with photos p95 / without p95): ${r.ratio}× (target p95 < 150 ms → ${verdict(r.withPhotos.p95 < 150)})`);
  const per1000 = (bytes: number): number => (bytes / s.photos) * 1000;
  // estimate() counts the origin's files, whose LevelDB logs and compactions move it by tens of
  // MB either way (0.87× and 1.25× of the clear bytes in two --quick runs): the figure is the
  // sum of the sealed lengths, the estimate is shown beside it.
  console.log(`\nIndexedDB bytes for ${s.photos} photos (originals and thumbnails), per 1,000 photos`);
  console.table([
    { measure: 'sum of the sealed lengths stored (the figure)', mb_per_1000: round1(per1000(s.sealedBytes) / 1e6) },
    {
      measure: "  navigator.storage.estimate(): the origin's growth across the photo visits",
      mb_per_1000: round1(per1000(s.estimateBytes) / 1e6),
    },
    { measure: 'baseline: the clear bytes of those photos', mb_per_1000: round1(per1000(s.clearBytes) / 1e6) },
  ]);
  return [
    {
      figure: `(10) save a visit with ${r.photosPerVisit} photos, p95`,
      result: `p95 ${ms(r.withPhotos.p95)} (p50 ${ms(r.withPhotos.p50)})`,
      baseline: `no photo p95: ${ms(r.withoutPhotos.p95)}`,
      ratio: `${r.ratio}×`,
      target: `p95 < 150 ms: ${verdict(r.withPhotos.p95 < 150)}`,
    },
    {
      figure: `(11) IndexedDB bytes per 1,000 photos (${s.photos} saved)`,
      result: `${mb(per1000(s.sealedBytes))} sealed (estimate(): ${mb(per1000(s.estimateBytes))})`,
      baseline: `clear bytes: ${mb(per1000(s.clearBytes))}`,
      ratio: `${Math.round((s.sealedBytes / s.clearBytes) * 10_000) / 10_000}×`,
      target: '—',
    },
  ];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const latency = (l: { p50: number; p95: number; max: number }) => ({ p50_ms: l.p50, p95_ms: l.p95, max_ms: l.max });
