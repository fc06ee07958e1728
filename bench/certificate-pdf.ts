import { randomBytes } from 'node:crypto';
import { certificateSerial, certificateVerificationUrl } from '@kumamoto/domain';
import { renderCertificatePdf } from '../apps/server/src/features/certificates/pdf.ts';
import { ms, percentile } from './latency.ts';
import { formatKb, printTable } from './table.ts';

/** Issue 6: how long one certificate PDF takes and how big it is, per language (font subset each time). */
export async function benchCertificatePdf(runs: number): Promise<void> {
  const rows: string[][] = [];
  for (const locale of ['ja', 'en'] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 3; i++) {
      const serial = certificateSerial(2026, randomBytes(5));
      const started = performance.now();
      const pdf = await renderCertificatePdf(
        {
          serial,
          holderName: '熊本 花子',
          activityTitle: '白川河川敷のまち清掃ボランティア',
          groupName: '水前寺校区まちづくり委員会',
          place: '白川公園（熊本市中央区）',
          startsAt: new Date('2026-06-01T00:00:00Z'),
          endsAt: new Date('2026-06-01T02:30:00Z'),
          issuedAt: new Date('2026-06-01T02:35:00Z'),
        },
        {
          locale,
          verificationUrl: certificateVerificationUrl('https://app.example.jp', serial, randomBytes(64)),
        },
      );
      if (i >= 3) times.push(performance.now() - started); // the first renders load the font
      bytes = pdf.length;
    }
    rows.push([locale, ms(percentile(times, 50)), ms(percentile(times, 95)), formatKb(bytes)]);
  }
  printTable(
    `Certificate PDF (A4, embedded subset Japanese font, QR code; ${runs} renders each)`,
    ['language', 'p50', 'p95', 'size'],
    rows,
  );
}
