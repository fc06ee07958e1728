/** My page: the account's e-mail address for codes and notices (add or change, confirmed by a code). */
export function EmailSection() {
  return null;
}
