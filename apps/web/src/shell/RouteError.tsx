import { useTranslation } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button, ButtonLink } from '../ui/Button.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** Instead of a blank screen: say what happened and offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('routeError.title')} />
      <Alert tone="error">{t('routeError.body')}</Alert>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
        <ButtonLink to="/" variant="secondary">
          {t('common.backHome')}
        </ButtonLink>
      </div>
    </>
  );
}
