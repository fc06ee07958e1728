import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '../i18n/index.ts';

interface PageHeaderProps {
  title: string;
  lead?: ReactNode;
}

/**
 * The one <h1> of a screen. It also names the browser tab, and takes focus after an in-app
 * navigation (see AppLayout) so screen readers start at the new page's title.
 */
export function PageHeader({ title, lead }: PageHeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <div className="mb-6">
      <h1 tabIndex={-1} className="text-std-28B-150 text-solid-gray-900">
        {title}
      </h1>
      {lead && <div className="mt-2 text-std-17N-170 text-solid-gray-800">{lead}</div>}
    </div>
  );
}
