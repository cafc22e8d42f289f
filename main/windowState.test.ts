import { describe, expect, it } from 'vitest';
import { type Rect, clampToDisplays, parseWindowState } from './windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const state = (x: number, y: number, width: number, height: number, maximized = false) => ({ bounds: { x, y, width, height }, maximized });

describe('clampToDisplays', () => {
  it.each([
    ['nothing saved: default size, centred on the primary display', null, [laptop], state(320, 110, 1280, 820)],
    ['saved and fully visible: unchanged', state(100, 50, 1300, 900, true), [laptop], state(100, 50, 1300, 900, true)],
    ['on a second monitor that is still there', state(2100, 100, 1400, 900), [laptop, rightMonitor], state(2100, 100, 1400, 900)],
    ['on a second monitor that was unplugged: centred on primary', state(2100, 100, 1400, 900), [laptop], state(260, 70, 1400, 900)],
    ['hanging off the right edge: pulled back in', state(1800, 100, 1280, 820), [laptop], state(640, 100, 1280, 820)],
    ['above the top: moved down', state(100, -300, 1280, 820), [laptop], state(100, 0, 1280, 820)],
    [
      'larger than a small screen: shrunk to it',
      state(0, 0, 2500, 1600),
      [{ x: 0, y: 0, width: 1366, height: 728 }],
      state(0, 0, 1366, 728),
    ],
    ['smaller than the minimum: grown to it', state(10, 10, 300, 200), [laptop], state(10, 10, 1024, 680)],
  ] as const)('%s', (_what, saved, areas, expected) => {
    expect(clampToDisplays(saved, areas, laptop)).toEqual(expected);
  });

  it('a sliver of overlap does not count as visible', () => {
    expect(clampToDisplays(state(1900, 100, 1280, 820), [laptop], laptop).bounds.x).toBe(320);
  });
});

describe('parseWindowState', () => {
  it.each(['', 'not json', '{"bounds":{"x":"a"}}', '{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}'])(
    'ignores %j',
    (text) => {
      expect(parseWindowState(text)).toBeNull();
    },
  );
  it('reads a valid state', () => {
    expect(parseWindowState(JSON.stringify(state(1, 2, 1300, 900, true)))).toEqual(state(1, 2, 1300, 900, true));
  });
});
