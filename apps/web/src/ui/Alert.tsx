import type { ReactNode } from 'react';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from './icons.tsx';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: 'border-blue-900 bg-blue-50', icon: 'text-blue-900', Icon: InfoIcon },
  success: { box: 'border-green-900 bg-green-50', icon: 'text-green-900', Icon: SuccessIcon },
  warning: { box: 'border-yellow-900 bg-yellow-50', icon: 'text-yellow-1100', Icon: WarningIcon },
  error: { box: 'border-red-900 bg-red-50', icon: 'text-red-900', Icon: ErrorIcon },
};

interface AlertProps {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Announce it when it appears (after an action). Errors interrupt (`alert`), the rest wait
   * (`status`). Static notices on page load need no announcement.
   */
  live?: boolean;
  className?: string;
}

/** A notice banner: coloured frame and icon, so meaning never rests on colour alone. */
export function Alert({ tone, title, children, live = false, className = '' }: AlertProps) {
  const { box, icon, Icon } = tones[tone];
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div
      role={role}
      className={`flex gap-3 rounded-8 border-2 p-4 narrow:flex-col narrow:p-3 ${box} ${className}`}
    >
      <Icon className={`mt-0.5 size-6 shrink-0 ${icon}`} />
      <div className="min-w-0 flex-1">
        {title && <p className="text-std-17B-170">{title}</p>}
        {children && <div className="text-std-17N-170">{children}</div>}
      </div>
    </div>
  );
}
