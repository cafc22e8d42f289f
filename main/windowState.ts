import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeAtomically } from './sealedFile';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const windowStateSchema = z.object({ bounds: rectSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 1024, height: 680 };
/** How much of the window must overlap a display to count as visible there (a title bar's worth). */
const MIN_VISIBLE = { width: 120, height: 40 };

/**
 * Where to open the window: the saved bounds if they are still on a connected display
 * (clamped into its work area), otherwise centred on the primary display. Handles an
 * unplugged second monitor and a smaller laptop screen.
 */
export function clampToDisplays(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  const centred = (size: { width: number; height: number }): Rect => {
    const width = Math.min(size.width, primary.width);
    const height = Math.min(size.height, primary.height);
    return {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    };
  };
  if (!saved) return { bounds: centred(DEFAULT_SIZE), maximized: false };
  const best = workAreas
    .map((area) => ({ area, overlap: overlap(saved.bounds, area) }))
    .sort((a, b) => b.overlap.width * b.overlap.height - a.overlap.width * a.overlap.height)[0];
  if (!best || best.overlap.width < MIN_VISIBLE.width || best.overlap.height < MIN_VISIBLE.height) {
    return { bounds: centred(saved.bounds), maximized: saved.maximized };
  }
  const { area } = best;
  const width = Math.min(Math.max(saved.bounds.width, Math.min(MIN_SIZE.width, area.width)), area.width);
  const height = Math.min(Math.max(saved.bounds.height, Math.min(MIN_SIZE.height, area.height)), area.height);
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

export function parseWindowState(text: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Read once at start (synchronously: the window is created right after); written on close. */
export function loadWindowState(filePath: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(filePath, 'utf8'));
  } catch {
    return null;
  }
}

export async function saveWindowState(filePath: string, state: WindowState): Promise<void> {
  await writeAtomically(filePath, JSON.stringify(state));
}
