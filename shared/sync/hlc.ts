/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so that
 * every edit gets a timestamp that is unique, increases on each node, and never runs behind
 * anything the node has already seen. Encoded as a fixed-width string, so string order is
 * HLC order: `0001764312345678-0000-<node>`.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;

export function encodeHlc(h: Hlc): string {
  return `${String(h.millis).padStart(16, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function decodeHlc(s: string): Hlc | null {
  const m = /^(\d{16})-([0-9a-f]{4})-(.+)$/.exec(s);
  if (!m) return null;
  return { millis: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

/** Orders by time, then counter, then node id: a total order, the same on every machine. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next timestamp for a local event. */
export function tickHlc(last: Hlc, wallMillis: number): Hlc {
  if (wallMillis > last.millis) return { millis: wallMillis, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { millis: last.millis + 1, counter: 0, node: last.node };
  return { millis: last.millis, counter: last.counter + 1, node: last.node };
}

/** Merges a remote timestamp into the local clock, so later local events sort after it. */
export function receiveHlc(local: Hlc, remote: Hlc, wallMillis: number): Hlc {
  const millis = Math.max(local.millis, remote.millis, wallMillis);
  let counter: number;
  if (millis === local.millis && millis === remote.millis) counter = Math.max(local.counter, remote.counter) + 1;
  else if (millis === local.millis) counter = local.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: local.node };
  return { millis, counter, node: local.node };
}

/** The server refuses HLCs further ahead of its own clock than this (a clock set wrong). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

export function isTooFarAhead(hlc: string, serverMillis: number, maxDrift = MAX_CLOCK_DRIFT_MS): boolean {
  const h = decodeHlc(hlc);
  return h === null || h.millis - serverMillis > maxDrift;
}
