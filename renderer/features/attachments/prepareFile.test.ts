import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENTS_PER_RECORD, MAX_PDF_BYTES } from '../../../shared/attachments/limits';
import { MESSAGES, translateError } from '../../../shared/i18n/messages';
import { canAddMore, cutFileName, prepareFile, roomLeft, sniffMime, type PrepareError } from './prepareFile';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

// The first bytes of real files (JFIF and EXIF JPEGs, a PNG, a lossy WebP, a PDF 1.7), then near-misses.
describe('sniffMime', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0]), 'image/jpeg'],
    ['JPEG (EXIF, a phone photo)', bytes([0xff, 0xd8, 0xff, 0xe1, 0x2a, 0x8e], 'Exif', [0, 0]), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['WebP', bytes('RIFF', [0x24, 0x6f, 0x01, 0x00], 'WEBPVP8 '), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3]), 'application/pdf'],
  ])('knows %s', (_name, head, mime) => {
    expect(sniffMime(head)).toBe(mime);
  });

  it.each([
    ['empty', bytes()],
    ['JPEG cut short', bytes([0xff, 0xd8])],
    ['JPEG with a wrong third byte', bytes([0xff, 0xd8, 0x00, 0xe0])],
    ['PNG with its line-ending bytes mangled (a text-mode copy)', bytes([0x89], 'PNG', [0x0a, 0x1a, 0x0a, 0x00])],
    ['PNG without its high-bit byte', bytes('PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['a RIFF that is a WAV', bytes('RIFF', [0x24, 0x6f, 0x01, 0x00], 'WAVEfmt ')],
    ['WEBP without RIFF', bytes('RIFX', [0, 0, 0, 0], 'WEBP')],
    ['RIFF cut before its form type', bytes('RIFF', [0x24, 0x6f, 0x01, 0x00], 'WEB')],
    ['PDF without its dash', bytes('%PDF1.7')],
    ['lower-case pdf', bytes('%pdf-1.7')],
    ['a PDF with a byte order mark in front', bytes([0xef, 0xbb, 0xbf], '%PDF-1.7')],
    ['HEIC (an iPhone photo)', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1')],
    ['GIF', bytes('GIF89a')],
    ['a .docx (zip)', bytes('PK', [3, 4, 0x14, 0])],
    ['text', bytes('hello, world')],
  ])('refuses %s', (_name, head) => {
    expect(sniffMime(head)).toBeNull();
  });
});

describe('cutFileName', () => {
  it('keeps a short name as picked', () => {
    expect(cutFileName('走访照片 2026-03-05.jpg')).toBe('走访照片 2026-03-05.jpg');
  });

  it('cuts a long name to 200 characters', () => {
    expect(cutFileName('a'.repeat(250) + '.pdf')).toBe('a'.repeat(200));
    expect(cutFileName('照'.repeat(201))).toHaveLength(200);
  });

  it('never leaves half an emoji at the cut', () => {
    const cut = cutFileName('a'.repeat(199) + '📷.jpg');
    expect(cut).toBe('a'.repeat(199));
    expect(cutFileName('a'.repeat(198) + '📷.jpg')).toBe('a'.repeat(198) + '📷');
  });

  it('cleans and trims as the schema does', () => {
    expect(cutFileName('  scan\u0000.pdf  ')).toBe('scan.pdf');
    expect(cutFileName('   ')).toBe('');
  });
});

describe('canAddMore and roomLeft', () => {
  it('takes up to 20 attachments on a record', () => {
    expect(MAX_ATTACHMENTS_PER_RECORD).toBe(20);
    expect(canAddMore(0)).toBe(true);
    expect(canAddMore(19)).toBe(true);
    expect(canAddMore(20)).toBe(false);
    expect(canAddMore(25)).toBe(false);
    expect(roomLeft(17)).toBe(3);
    expect(roomLeft(20)).toBe(0);
    expect(roomLeft(25)).toBe(0);
  });
});

// The paths that need no canvas: a PDF is kept as picked, a refused type never reaches a decoder.
describe('prepareFile without an image', () => {
  const pdf = bytes('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  it('keeps a PDF as picked, hashed, without a thumbnail, whatever its name and type claim', async () => {
    const file = new File([pdf], 'scan.jpg', { type: 'image/jpeg' });
    const got = await prepareFile(file, 'receipt', () => '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(got).toEqual({
      ok: true,
      value: {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        kind: 'receipt',
        mime: 'application/pdf',
        bytes: pdf,
        // sha256sum of the same bytes
        sha256: '2424e4b37c25d8dac4c66fd4ecd780c717b828582c3f9a9fc718672d2d5e31f1',
        width: null,
        height: null,
        thumb: null,
        fileName: 'scan.jpg',
        caption: '',
      },
    });
  });

  it('refuses a PDF over 10 MB, and a file that is no photo or PDF, without making an id', async () => {
    const newId = () => {
      throw new Error('no id for a refused file');
    };
    const big = new File([pdf, new Uint8Array(MAX_PDF_BYTES)], 'big.pdf');
    expect(await prepareFile(big, 'document', newId)).toEqual({ ok: false, error: 'attachment_too_large' });
    const heic = new File([bytes([0, 0, 0, 0x18], 'ftypheic')], 'IMG_0001.jpg', { type: 'image/jpeg' });
    expect(await prepareFile(heic, 'visit_photo', newId)).toEqual({ ok: false, error: 'attachment_type_refused' });
  });
});

describe('the picker’s error codes', () => {
  it('each has a zh-CN and an English sentence', () => {
    const codes: (PrepareError | 'attachment_too_many')[] = [
      'attachment_type_refused',
      'attachment_too_large',
      'attachment_unreadable',
      'attachment_too_many',
    ];
    for (const code of codes) {
      expect(translateError('zh', code)).not.toBe(MESSAGES.zh['error.unknown']);
      expect(translateError('en', code)).not.toBe(MESSAGES.en['error.unknown']);
    }
  });
});
