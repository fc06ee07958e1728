/** My page: deleting the account, explained before confirming. */
export function DeleteAccountSection() {
  return null;
}
