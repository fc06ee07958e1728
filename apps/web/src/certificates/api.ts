import { certificateDisplay, type CertificateContent, type Locale } from '@kumamoto/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';

/** Answers of apps/server/src/features/certificates (the API contract, issue 6). */
export interface CertificateSummary {
  serial: string;
  activityTitle: string;
  groupName: string;
  startsAt: string;
  endsAt: string;
  place: string;
  issuedAt: string;
  revoked: boolean;
}

export type VerificationStatus = 'authentic' | 'revoked' | 'not_found' | 'altered';

export interface Verification {
  status: VerificationStatus;
  serial: string;
  holderName?: string;
  activityTitle?: string;
  groupName?: string;
  place?: string;
  startsAt?: string;
  endsAt?: string;
  issuedAt?: string;
  revokedAt?: string;
}

export interface CityCertificate {
  serial: string;
  holderName: string | null;
  activityTitle: string;
  groupName: string;
  place: string;
  startsAt: string;
  endsAt: string;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** Per person: under 'me', so signing out drops them. */
export const certificatesKey = [...queryKeys.personal, 'certificates'] as const;

export function useMyCertificates(enabled: boolean) {
  return useQuery({
    queryKey: certificatesKey,
    queryFn: async () =>
      (await api<{ certificates: CertificateSummary[] }>('GET', '/api/me/certificates')).certificates,
    enabled,
  });
}

/** Where a PDF downloads from: a plain link, so the browser saves or opens it as it does any file. */
export function pdfUrl(serial: string, lang: Locale): string {
  return `/api/me/certificates/${encodeURIComponent(serial)}/pdf?lang=${lang}`;
}

/**
 * The certificate's date, time and hours as the PDF prints them (令和7年6月1日 / 1 June 2025),
 * from the one domain helper, so screen and paper never disagree.
 */
export function certificateWhen(
  fields: { startsAt: string; endsAt: string; issuedAt: string },
  locale: Locale,
): { date: string; time: string; duration: string; issuedOn: string } {
  const content: CertificateContent = {
    serial: '',
    holderName: '',
    activityTitle: '',
    groupName: '',
    place: '',
    startsAt: new Date(fields.startsAt),
    endsAt: new Date(fields.endsAt),
    issuedAt: new Date(fields.issuedAt),
  };
  return certificateDisplay(content, locale);
}
