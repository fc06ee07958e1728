import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DemoPersonaList } from './DemoPersonaList.tsx';

/** Back to where sign-in was asked for; only paths inside this app. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/mypage';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader title={t('signIn.title')} lead={t('signIn.lead')} />
      <DemoPersonaList onSignedIn={() => void navigate(safeNext(params.get('next')))} />
    </>
  );
}
