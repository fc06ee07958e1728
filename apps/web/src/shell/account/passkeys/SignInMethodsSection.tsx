/** My page: the account's passkeys (add, rename, remove) and its signed-in sessions (revoke). */
export function SignInMethodsSection() {
  return null;
}
