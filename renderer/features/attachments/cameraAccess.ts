import { toShanghaiIsoSeconds } from '../../../shared/calendar/shanghai';

/**
 * Why the camera did not open, each with a sentence in cameraStrings: what the user can do
 * about it differs (plug one in, allow it, close the other program, use a picked file).
 */
export type CameraError = 'unsupported' | 'notFound' | 'denied' | 'busy' | 'ended' | 'failed';

/** The part of `navigator` the camera needs; a plain http page (not localhost) has no `mediaDevices`. */
export interface MediaNavigator {
  mediaDevices?: Partial<Pick<MediaDevices, 'getUserMedia'>>;
}

/** True when this page can ask for a camera at all (a secure context with getUserMedia). */
export function cameraSupported(nav: MediaNavigator | undefined = globalThis.navigator): boolean {
  return typeof nav?.mediaDevices?.getUserMedia === 'function';
}

/**
 * getUserMedia's rejection as one of our codes, by the DOMException's name (the older
 * Chromium names too). Anything else is `failed`: the camera did not start, try again.
 */
export function cameraErrorOf(e: unknown): CameraError {
  const name = typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : '';
  switch (name) {
    // OverconstrainedError: the chosen camera is gone (unplugged since it was listed).
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

/** A camera to choose from; `label` is empty until the user has allowed one. */
export interface CameraChoice {
  deviceId: string;
  label: string;
}

/**
 * The camera alone, never the microphone (Electron refuses a request naming audio). A sharp
 * picture where the camera has one (it is downscaled to 1600 px anyway); `ideal` never fails
 * on a smaller camera. A chosen camera is asked for exactly.
 */
export function cameraConstraints(deviceId?: string): MediaStreamConstraints {
  const size = { width: { ideal: 1920 }, height: { ideal: 1440 } };
  return { audio: false, video: deviceId ? { ...size, deviceId: { exact: deviceId } } : size };
}

/** The video inputs among the devices, in the order the system lists them. */
export function camerasOf(devices: readonly Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>[]): CameraChoice[] {
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId !== '').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

/** `20261128-093000`: when a photo was taken on the Shanghai wall clock, for its file name. */
export function photoTimeStamp(now: Date): string {
  return toShanghaiIsoSeconds(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** Stops every track of the stream, so the camera (and its light) goes off. */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
