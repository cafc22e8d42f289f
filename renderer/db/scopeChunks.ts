import { stationsAtLevel } from '../../shared/stations/tree';

/**
 * Station-code ranges that together cover a scope exactly, one per community, in code order. A
 * read of a whole scope done range by range gives the same rows in the same order as one read,
 * but as many small requests: Chromium's IndexedDB serves one request at a time per database,
 * so one read of a city (200,000 index entries, 4 to 5 seconds here) would hold every other
 * request back until it ended, a search typed meanwhile included. A community holds a few
 * hundred recipients: between two such reads, the others get their turn within milliseconds.
 */
export function scopeChunks(prefix: string): [from: string, to: string][] {
  // Codes not in the tree still fall in some range: the ranges run from the prefix to the first
  // community, community to community, and the last one to the end of the prefix.
  const communities = stationsAtLevel('community', prefix).map((s) => s.code);
  const bounds = [prefix, ...communities.filter((c) => c > prefix).sort(), `${prefix}\uffff`];
  const ranges: [string, string][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) if (bounds[i]! < bounds[i + 1]!) ranges.push([bounds[i]!, bounds[i + 1]!]);
  return ranges;
}
