import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CameraIcon } from '../../ui/icons.tsx';
import { CodeEntryForm } from './CodeEntryForm.tsx';
import { routeScannedText } from './scan-routing.ts';

// The reader and its wasm load only here, never with the home screen.
const CameraScanner = lazy(async () => ({ default: (await import('./CameraScanner.tsx')).CameraScanner }));

/** The one scanner: every kind of code is read here and routed by what it is. */
export function ScanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [cameraOn, setCameraOn] = useState(true);
  const [cameraProblem, setCameraProblem] = useState(false);
  /** A new key remounts the scanner: a fresh try at the camera. */
  const [cameraAttempt, setCameraAttempt] = useState(0);
  /** Which way the last unusable code came in, so the message appears next to it. */
  const [unknownFrom, setUnknownFrom] = useState<'camera' | 'typed' | null>(null);
  const unknownText = t('unknown_scan_code', { ns: 'errors' });
  const cameraRunning = cameraOn && !cameraProblem;

  const toggleCamera = () => {
    if (cameraRunning) return setCameraOn(false);
    setCameraProblem(false);
    setCameraAttempt((attempt) => attempt + 1);
    setCameraOn(true);
  };

  const route = (text: string, from: 'camera' | 'typed') => {
    const target = routeScannedText(text, window.location.origin);
    setUnknownFrom(target.ok ? null : from);
    if (target.ok) void navigate(target.path);
  };

  return (
    <>
      <PageHeader title={t('scan.title')} lead={t('scan.lead')} />

      <section aria-labelledby="scan-camera" className="mb-8">
        <h2 id="scan-camera" className="sr-only">
          {t('scan.cameraHeading')}
        </h2>
        {cameraOn ? (
          <Suspense fallback={<Loading label={t('scan.camera.starting')} />}>
            <CameraScanner
              key={cameraAttempt}
              onCode={(text) => route(text, 'camera')}
              onProblem={() => setCameraProblem(true)}
            />
          </Suspense>
        ) : null}
        {unknownFrom === 'camera' && (
          <Alert tone="error" live className="mt-3">
            {unknownText}
          </Alert>
        )}
        <Button variant="secondary" className="mt-4 w-full sm:w-auto" onClick={toggleCamera}>
          <CameraIcon className="size-6" />
          {cameraRunning ? t('scan.stopCamera') : t('scan.startCamera')}
        </Button>
      </section>

      <Card as="section" aria-labelledby="scan-manual">
        <h2 id="scan-manual" className="text-std-20B-150">
          {t('scan.manualHeading')}
        </h2>
        <p className="mt-1 mb-4 text-std-16N-170 text-solid-gray-800">{t('scan.manualLead')}</p>
        <CodeEntryForm
          onSubmit={(text) => route(text, 'typed')}
          error={unknownFrom === 'typed' ? unknownText : undefined}
        />
      </Card>
    </>
  );
}
