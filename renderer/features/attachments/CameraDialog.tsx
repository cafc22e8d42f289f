import { Alert, Button, Flex, Modal, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useStrings } from '../../app/i18n';
import {
  type CameraChoice,
  type CameraError,
  cameraConstraints,
  cameraErrorOf,
  camerasOf,
  cameraSupported,
  photoTimeStamp,
  stopStream,
} from './cameraAccess';
import { cameraStrings } from './cameraStrings';
import './attachments.css';

const WIDTH = 640;
/** The frame as taken; prepareFile then downscales and re-encodes it like any picked photo. */
const JPEG_QUALITY = 0.92;

export interface CameraDialogProps {
  open: boolean;
  onClose: () => void;
  /** The photo taken, as a JPEG file: hand it to the same path as a picked one (prepareFile). */
  onCapture: (file: File) => void;
}

/**
 * A photo from the computer's camera (a laptop's, a USB document camera): the live picture,
 * 拍照 freezes a frame, 重拍 or 使用这张照片. Video only, never the microphone. The camera
 * is on only while the dialog is open: every track is stopped the moment it closes.
 */
export function CameraDialog({ open, onClose, onCapture }: CameraDialogProps) {
  const t = useStrings(cameraStrings);
  return (
    <Modal
      open={open}
      title={t('title')}
      onCancel={onClose}
      // The view (and its state) is made fresh for each opening.
      destroyOnHidden
      // A tap beside the picture must not throw the photo away.
      maskClosable={false}
      width={WIDTH + 48}
      footer={null}
    >
      <CameraView active={open} onClose={onClose} onCapture={onCapture} />
    </Modal>
  );
}

/** One getUserMedia call's outcome, for the attempt and camera it was made for (`key`). */
interface Session {
  key: string;
  stream: MediaStream | null;
  error: CameraError | null;
}

function CameraView({ active, onClose, onCapture }: { active: boolean; onClose: () => void; onCapture: (file: File) => void }) {
  const t = useStrings(cameraStrings);
  const supported = cameraSupported();
  const [attempt, setAttempt] = useState(0);
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  const [session, setSession] = useState<Session | null>(null);
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const [takenAt, setTakenAt] = useState<Date | null>(null);
  const [handing, setHanding] = useState(false);
  const [captureFailed, setCaptureFailed] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  // Each retry and each camera chosen is a new call; the answer of an older one never shows.
  const key = `${attempt}|${deviceId ?? ''}`;
  const current = session?.key === key ? session : null;
  const stream = active ? (current?.stream ?? null) : null;
  const error: CameraError | null = supported ? (current?.error ?? null) : 'unsupported';
  const ready = stream !== null && readyKey === key;
  const shownDevice = deviceId ?? stream?.getVideoTracks()[0]?.getSettings().deviceId;

  useEffect(() => {
    if (!active || !supported) return;
    let cancelled = false;
    let mine: MediaStream | null = null;
    const fail = (code: CameraError) => {
      if (!cancelled) setSession({ key, stream: null, error: code });
    };
    navigator.mediaDevices.getUserMedia(cameraConstraints(deviceId)).then(
      (s) => {
        // Closed (or another camera chosen) while the camera was starting: turn this one off.
        if (cancelled) return stopStream(s);
        mine = s;
        // Unplugged, or taken by the system: say so (stop() of our own fires no `ended`).
        for (const track of s.getVideoTracks()) {
          track.addEventListener('ended', () => {
            stopStream(s);
            fail('ended');
          });
        }
        setSession({ key, stream: s, error: null });
        // The cameras' names come with the permission just given: list them now.
        if (typeof navigator.mediaDevices.enumerateDevices === 'function') {
          navigator.mediaDevices.enumerateDevices().then(
            (all) => {
              if (!cancelled) setCameras(camerasOf(all));
            },
            () => undefined,
          );
        }
      },
      (e: unknown) => fail(cameraErrorOf(e)),
    );
    return () => {
      cancelled = true;
      stopStream(mine);
    };
  }, [active, supported, deviceId, key]);

  // A MediaStream is given to the <video> as an object, not a URL: the CSP's media-src does not apply.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) video.play().catch(() => undefined);
  }, [stream]);

  const onFrame = (e: SyntheticEvent<HTMLVideoElement>) => {
    if (e.currentTarget.videoWidth > 0) setReadyKey(key);
  };

  const take = () => {
    const video = videoRef.current;
    const canvas = canvasRef.current;
    const g = canvas?.getContext('2d');
    if (!video || !canvas || !g || video.videoWidth === 0) {
      setCaptureFailed(true);
      return;
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    setCaptureFailed(false);
    setTakenAt(new Date());
  };

  const retake = () => {
    setTakenAt(null);
    setCaptureFailed(false);
  };

  async function use(): Promise<void> {
    const canvas = canvasRef.current;
    if (!canvas || !takenAt) return;
    setHanding(true);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    setHanding(false);
    if (!blob) {
      setTakenAt(null);
      setCaptureFailed(true);
      return;
    }
    const name = t('fileName', { time: photoTimeStamp(takenAt) });
    onCapture(new File([blob], name, { type: 'image/jpeg', lastModified: takenAt.getTime() }));
    onClose();
  }

  const chooseCamera = (id: string) => {
    setDeviceId(id);
    setTakenAt(null);
  };

  const live = stream !== null && takenAt === null;
  return (
    <div className="yf-camera" data-testid="camera-dialog">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {cameras.length > 1 && error === null && (
        <Flex align="center" gap={8} className="yf-camera-device">
          <Typography.Text>{t('device')}</Typography.Text>
          <Select
            className="yf-camera-select"
            value={shownDevice}
            disabled={takenAt !== null}
            onChange={chooseCamera}
            options={cameras.map((c, i) => ({ value: c.deviceId, label: c.label || t('deviceN', { n: i + 1 }) }))}
            aria-label={t('device')}
            data-testid="camera-device"
          />
        </Flex>
      )}
      {error !== null ? (
        <Alert
          type={error === 'unsupported' ? 'warning' : 'error'}
          showIcon
          title={t(error)}
          data-testid="camera-error"
          data-code={error}
        />
      ) : (
        <div className="yf-camera-stage">
          <video
            ref={videoRef}
            className={live ? 'yf-camera-view' : 'yf-camera-view yf-camera-hidden'}
            autoPlay
            muted
            playsInline
            onLoadedData={onFrame}
            onPlaying={onFrame}
            aria-label={t('video')}
            data-testid="camera-video"
          />
          <canvas
            ref={canvasRef}
            className={takenAt ? 'yf-camera-view' : 'yf-camera-view yf-camera-hidden'}
            aria-label={t('still')}
            data-testid="camera-still"
          />
          {stream === null && (
            <Flex vertical align="center" gap={8} className="yf-camera-starting">
              <Spin />
              <span>{t('starting')}</span>
            </Flex>
          )}
        </div>
      )}
      {captureFailed && <Alert className="yf-camera-note" type="warning" showIcon title={t('captureFailed')} />}
      <Flex justify="end" gap={8} className="yf-camera-actions">
        <Button onClick={onClose} data-testid="camera-cancel">
          {t('cancel')}
        </Button>
        {error !== null ? (
          error !== 'unsupported' && (
            <Button type="primary" onClick={() => setAttempt((a) => a + 1)} data-testid="camera-retry">
              {t('retry')}
            </Button>
          )
        ) : takenAt ? (
          <>
            <Button onClick={retake} disabled={handing} data-testid="camera-retake">
              {t('retake')}
            </Button>
            <Button type="primary" loading={handing} onClick={() => void use()} data-testid="camera-use">
              {t('use')}
            </Button>
          </>
        ) : (
          <Button type="primary" disabled={!ready} onClick={take} data-testid="camera-take">
            {t('take')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
