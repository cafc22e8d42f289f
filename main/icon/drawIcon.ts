/**
 * The app icon: a gold star inside a gold ring, like a service medal, on an army-green
 * rounded square. Drawn with 4×4 supersampling for smooth edges.
 */
const GREEN: readonly [number, number, number] = [52, 84, 44];
const GOLD: readonly [number, number, number] = [242, 190, 34];
const SAMPLES = 4;

type Point = readonly [number, number];

export function starPolygon(cx: number, cy: number, outer: number, inner: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return points;
}

function insidePolygon(x: number, y: number, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number, size: number, margin: number, radius: number): boolean {
  const lo = margin + radius;
  const hi = size - margin - radius;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  if (x < margin || x > size - margin || y < margin || y > size - margin) return false;
  return dx * dx + dy * dy <= radius * radius;
}

export function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const margin = size * 0.04;
  const radius = size * 0.2;
  const star = starPolygon(size / 2, size * 0.515, size * 0.26, size * 0.26 * 0.382);
  const ring = { outer: size * 0.36, inner: size * 0.32 };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          if (!insideRoundedSquare(x, y, size, margin, radius)) continue;
          const d = Math.hypot(x - size / 2, y - size / 2);
          if (insidePolygon(x, y, star) || (d <= ring.outer && d >= ring.inner)) fg++;
          else bg++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const covered = bg + fg;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[o + c] = covered === 0 ? 0 : Math.round((GREEN[c]! * bg + GOLD[c]! * fg) / covered);
      rgba[o + 3] = Math.round((255 * covered) / total);
    }
  }
  return rgba;
}
