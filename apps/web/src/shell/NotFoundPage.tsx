import { useTranslation } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { ButtonLink } from '../ui/Button.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Alert tone="warning">{t('not_found', { ns: 'errors' })}</Alert>
      <ButtonLink to="/" variant="secondary" className="mt-6">
        {t('common.backHome')}
      </ButtonLink>
    </>
  );
}
