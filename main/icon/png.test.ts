import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon } from './drawIcon';
import { encodePng } from './png';

describe('icon', () => {
  it('encodes a valid PNG header and pixel data', () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(2);
    expect(png.readUInt32BE(20)).toBe(1);
    const idatLength = png.readUInt32BE(33);
    const pixels = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...pixels]).toEqual([0, 255, 0, 0, 255, 0, 0, 255, 128]);
  });

  it('draws a gold star and ring on green, with transparent corners', () => {
    const size = 64;
    const rgba = drawIcon(size);
    const at = (x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(32, 34)).toEqual([242, 190, 34, 255]);
    expect(at(6, 32)).toEqual([52, 84, 44, 255]);
    expect(at(32, 32 - 22)).toEqual([242, 190, 34, 255]);
  });
});
