import { useTranslation } from '../i18n/index.ts';
import { Button } from './Button.tsx';

/** Previous / "page 2 of 5" / next under a paged list; nothing when it fits on one page. */
export function Pager({
  page,
  pages,
  onChange,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pager.label')} className="mt-4 flex items-center justify-between gap-2">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('pager.previous')}
      </Button>
      <span aria-current="page">{t('pager.page', { page, pages })}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}

/** How many pages `total` items make at `pageSize` a page (at least one). */
export const pageCount = (list: { total: number; pageSize: number } | undefined): number =>
  list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
