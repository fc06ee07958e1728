import { loadQrReader, readQrCode } from './qr-reader.ts';

export type CameraProblem = 'denied' | 'unavailable' | 'failed';

interface CameraSessionHandlers {
  onScanning: () => void;
  onProblem: (problem: CameraProblem) => void;
  /** Each new text read; the same code held in view is reported once. */
  onCode: (text: string) => void;
}

/** Frames decoded per second: enough to feel instant, light on an old phone's battery. */
const framesPerSecond = 4;
/** Frames are scaled down to this many pixels on the long side before decoding. */
const maxFrameSide = 800;

/**
 * Opens the rear camera into `video` and reads QR codes from it a few times a second.
 * Returns the stop function, which releases the camera; no handler is called after it.
 */
export function startCameraSession(video: HTMLVideoElement, handlers: CameraSessionHandlers): () => void {
  let stopped = false;
  let stream: MediaStream | null = null;
  let timer: number | undefined;

  const release = () => {
    window.clearInterval(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
  };
  const fail = (problem: CameraProblem) => {
    release();
    if (!stopped) handlers.onProblem(problem);
  };

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) return fail('unavailable');
    // Fetch and compile the reader while the person answers the permission prompt.
    const reader = loadQrReader();
    reader.catch(() => undefined);
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
    } catch (error) {
      return fail(cameraProblem(error));
    }
    if (stopped) return release();
    try {
      video.srcObject = stream;
      await video.play();
      await reader;
    } catch {
      return fail('failed');
    }
    if (stopped) return release();
    handlers.onScanning();
    const readFrame = frameReader(video, (text) => {
      if (!stopped) handlers.onCode(text);
    });
    timer = window.setInterval(() => void readFrame(), 1000 / framesPerSecond);
  };

  void start();
  return () => {
    stopped = true;
    release();
  };
}

/** Draws the current frame onto a canvas and decodes it; skips a tick while still busy. */
function frameReader(video: HTMLVideoElement, onText: (text: string) => void): () => Promise<void> {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let busy = false;
  let lastText = '';
  return async () => {
    if (busy || !context || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    busy = true;
    try {
      const scale = Math.min(1, maxFrameSide / Math.max(video.videoWidth, video.videoHeight, 1));
      canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
      canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const text = await readQrCode(context.getImageData(0, 0, canvas.width, canvas.height));
      if (text && text !== lastText) {
        lastText = text;
        onText(text);
      }
    } catch {
      // One unreadable frame is not worth reporting: the next one comes in a moment.
    } finally {
      busy = false;
    }
  };
}

/** Permission refused, no camera at all, or a camera that would not start (busy, broken). */
function cameraProblem(error: unknown): CameraProblem {
  switch (error instanceof DOMException ? error.name : '') {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'unavailable';
    default:
      return 'failed';
  }
}
