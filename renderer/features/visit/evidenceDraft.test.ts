import { describe, expect, it } from 'vitest';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { decodeEvidence, encodeEvidence, isEmptyEvidence } from './evidenceDraft';

const file = (n: number, thumb: boolean): PreparedAttachment => ({
  id: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
  kind: thumb ? 'visit_photo' : 'signature',
  mime: thumb ? 'image/jpeg' : 'image/png',
  bytes: Uint8Array.from([0xff, 0xd8, 0xff, n, 0, 255]),
  sha256: String(n).repeat(64),
  width: 1600,
  height: 1200,
  thumb: thumb ? { bytes: Uint8Array.from([1, 2, 3, n]), sha256: 'f'.repeat(64) } : null,
  fileName: `门口${n}.jpg`,
  caption: '',
});

describe('the visit draft’s photos and signatures', () => {
  it('come back byte for byte from their JSON form', () => {
    const evidence = { photos: [file(1, true), file(2, true)], aid: { 'line-1': [file(3, false)] } };
    const json = JSON.parse(JSON.stringify(encodeEvidence(evidence))) as unknown;
    expect(decodeEvidence(json)).toEqual(evidence);
    expect(isEmptyEvidence(evidence)).toBe(false);
    expect(isEmptyEvidence({ photos: [], aid: { 'line-1': [] } })).toBe(true);
  });

  it('reads anything else as no evidence', () => {
    expect(decodeEvidence(null)).toBeNull();
    expect(decodeEvidence({ photos: [{ id: 'x' }], aid: {} })).toBeNull();
    expect(
      decodeEvidence({
        ...encodeEvidence({ photos: [file(1, true)], aid: {} }),
        photos: [{ ...encodeEvidence({ photos: [file(1, true)], aid: {} }).photos[0]!, mime: 'text/html' }],
      }),
    ).toBeNull();
  });
});
