import { describe, expect, it, vi } from 'vitest';
import { cameraConstraints, cameraErrorOf, camerasOf, cameraSupported, photoTimeStamp, stopStream } from './cameraAccess';

describe('whether the page can ask for a camera', () => {
  it.each([
    ['a secure page with getUserMedia', { mediaDevices: { getUserMedia: () => Promise.reject(new Error('x')) } }, true],
    ['a plain-http page (no mediaDevices)', {}, false],
    ['mediaDevices without getUserMedia', { mediaDevices: {} }, false],
    ['no navigator at all', undefined, false],
  ])('%s → %s', (_, nav, supported) => {
    expect(cameraSupported(nav)).toBe(supported);
  });
});

describe("getUserMedia's refusals, as the user is told them", () => {
  it.each([
    ['NotFoundError', 'notFound'],
    ['DevicesNotFoundError', 'notFound'],
    ['OverconstrainedError', 'notFound'],
    ['NotAllowedError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['AbortError', 'busy'],
    ['TypeError', 'failed'],
    ['SomethingNew', 'failed'],
  ])('%s → %s', (name, code) => {
    expect(cameraErrorOf(new DOMException('camera', name))).toBe(code);
  });
  it.each([null, undefined, 'NotAllowedError', 42, { name: 7 }])('%j (no DOMException) → failed', (e) => {
    expect(cameraErrorOf(e)).toBe('failed');
  });
  it('a plain object with the name counts (some shells reject with one)', () => {
    expect(cameraErrorOf({ name: 'NotAllowedError', message: 'Permission denied' })).toBe('denied');
  });
});

describe('what is asked of the camera', () => {
  it('never the microphone', () => {
    expect(cameraConstraints().audio).toBe(false);
    expect(cameraConstraints('cam-2').audio).toBe(false);
  });
  it('any camera, or exactly the chosen one', () => {
    expect(cameraConstraints().video).not.toHaveProperty('deviceId');
    expect(cameraConstraints('cam-2').video).toMatchObject({ deviceId: { exact: 'cam-2' } });
  });
});

describe('the cameras to choose from', () => {
  it('keeps the video inputs in order, without microphones, speakers or unnamed placeholders', () => {
    expect(
      camerasOf([
        { kind: 'audioinput', deviceId: 'mic', label: 'Microphone' },
        { kind: 'videoinput', deviceId: 'front', label: 'Integrated Camera' },
        { kind: 'audiooutput', deviceId: 'spk', label: 'Speakers' },
        { kind: 'videoinput', deviceId: '', label: '' },
        { kind: 'videoinput', deviceId: 'usb', label: 'USB Document Camera' },
      ]),
    ).toEqual([
      { deviceId: 'front', label: 'Integrated Camera' },
      { deviceId: 'usb', label: 'USB Document Camera' },
    ]);
  });
});

describe('the photo’s time stamp', () => {
  it('is the Shanghai wall clock to the second, whatever the machine’s zone', () => {
    expect(photoTimeStamp(new Date('2026-11-28T01:30:05Z'))).toBe('20261128-093005');
    expect(photoTimeStamp(new Date('2026-12-31T16:00:00Z'))).toBe('20270101-000000');
  });
});

describe('turning the camera off', () => {
  it('stops every track of the stream', () => {
    const tracks = [{ stop: vi.fn() }, { stop: vi.fn() }];
    stopStream({ getTracks: () => tracks } as unknown as MediaStream);
    for (const track of tracks) expect(track.stop).toHaveBeenCalledTimes(1);
  });
});
