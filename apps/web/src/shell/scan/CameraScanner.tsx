import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { startCameraSession, type CameraProblem } from './camera-session.ts';

interface CameraScannerProps {
  onCode: (text: string) => void;
  /** The camera could not be used (refused, missing, broken); the message is shown here. */
  onProblem: () => void;
}

/**
 * The camera view of the scanner. Each new code read is handed to `onCode`; the camera is
 * released when this component goes away (leaving the page, or "turn off the camera").
 */
export function CameraScanner({ onCode, onProblem }: CameraScannerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onCode, onProblem });
  const [state, setState] = useState<'starting' | 'scanning' | CameraProblem>('starting');

  useEffect(() => {
    handlers.current = { onCode, onProblem };
  }, [onCode, onProblem]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    return startCameraSession(video, {
      onScanning: () => setState('scanning'),
      onProblem: (problem) => {
        setState(problem);
        handlers.current.onProblem();
      },
      onCode: (text) => handlers.current.onCode(text),
    });
  }, []);

  const failed = state !== 'starting' && state !== 'scanning';
  return (
    <div>
      <div
        className={`relative aspect-[4/3] w-full overflow-hidden rounded-12 bg-solid-gray-900 ${failed ? 'hidden' : ''}`}
      >
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label={t('scan.cameraView')}
          className="size-full object-cover"
        />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-[12%] rounded-16 border-4 border-white/90 shadow-[0_0_0_100vmax_rgba(0,0,0,0.35)]"
        />
      </div>
      {failed ? (
        <Alert tone="warning" live title={t('scan.cameraProblemTitle')}>
          {t(`scan.camera.${state}`)}
        </Alert>
      ) : (
        <p role="status" className="mt-3 text-std-17N-170">
          {t(`scan.camera.${state}`)}
        </p>
      )}
    </div>
  );
}
