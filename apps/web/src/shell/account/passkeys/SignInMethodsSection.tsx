import { PasskeyList } from './PasskeyList.tsx';
import { SessionList } from './SessionList.tsx';

/** My page: the account's passkeys (add, rename, remove) and its signed-in sessions (revoke). */
export function SignInMethodsSection() {
  return (
    <>
      <PasskeyList />
      <SessionList />
    </>
  );
}
