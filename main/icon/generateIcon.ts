import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawIcon } from './drawIcon';
import { encodePng } from './png';

/** `npx tsx main/icon/generateIcon.ts` rewrites build/icon.png (electron-builder derives .ico/.icns from it). */
const SIZE = 1024;
const out = path.resolve('build', 'icon.png');
writeFileSync(out, encodePng(SIZE, SIZE, drawIcon(SIZE)));
console.log(`wrote ${out}`);
