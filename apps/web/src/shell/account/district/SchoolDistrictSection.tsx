/** My page: the resident's school district (校区), derived from the verified address or chosen. */
export function SchoolDistrictSection() {
  return null;
}
