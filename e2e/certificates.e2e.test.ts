import { randomBytes } from 'node:crypto';
import { certificateSerial, certificateSerialRandomBytes, type CertificateContent } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { developmentSigningKeySecret } from '../apps/server/src/config.ts';
import { openDatabase, type Database } from '../apps/server/src/db/client.ts';
import { users } from '../apps/server/src/db/schema.ts';
import { writeSignedCertificate } from '../apps/server/src/features/certificates/test-support.ts';
import { createActivity, createGroup } from '../apps/server/src/test/activity-factories.ts';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { text, type Lang } from './support/i18n.ts';
import { demoSignIn, waitForTitle } from './support/page.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';
import { startServer } from './support/server.ts';

interface Issued {
  serial: string;
  signature: string;
}

/**
 * Activity certificates (R-PT-10): the public verification page a certificate's QR code opens,
 * signed out, in Japanese and English (authentic, revoked, by name from paper), the resident's
 * list with its PDFs, and the city's revocation form. Certificates are written into the
 * server's own database as the check-in transaction writes them (signed with the server's key).
 */
describe('activity certificates', () => {
  const app = useAppUnderTest();
  const issued: Record<'authentic' | 'revoked' | 'toRevoke', Issued> = {} as never;

  beforeAll(async () => {
    // PostgreSQL takes a second connection; PGlite's folder is the server's alone, so it stops meanwhile.
    const pglite = app.storage.kind === 'pglite';
    if (pglite) await app.server.stop();
    const database = await openDatabase(
      pglite
        ? { kind: 'pglite', dataDir: app.storage.env.DATA_DIR ?? '' }
        : { kind: 'postgres', url: app.storage.env.DATABASE_URL ?? '', poolSize: 1 },
    );
    try {
      await seedCertificates(database.db, issued);
    } finally {
      await database.close();
    }
    if (pglite) app.server = await startServer(app.storage, { port: app.server.port });
  });

  async function expectStatus(page: Page, lang: Lang, status: 'authentic' | 'revoked' | 'notFound') {
    await page
      .getByRole('heading', { level: 2, name: text[lang].certificates.check[status], exact: true })
      .waitFor();
  }

  test('the QR code’s page in Japanese: authentic, by name from paper, revoked; the holder’s list; the city revokes', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      const { authentic, revoked, toRevoke } = issued;
      // Signed out, as a school opens it from the QR code.
      await page.goto(`/verify/${authentic.serial}?s=${authentic.signature}`);
      await waitForTitle(page, text.ja.certificates.check.title);
      await expectStatus(page, 'ja', 'authentic');
      const details = page.getByRole('region', { name: text.ja.certificates.check.details });
      for (const shown of [
        '熊本 花子',
        '【白川校区】白川河川敷の清掃活動',
        '令和7年6月1日 09:00〜11:30',
        authentic.serial,
      ])
        await details.getByText(shown, { exact: true }).waitFor();
      await expectAccessible(page, 'verification, authentic (ja)');
      await screenshot(page, 'certificates-01-verify-authentic-ja');

      // A forged QR code verifies nothing; the name as printed on paper does.
      await page.goto(`/verify/${authentic.serial}?s=${'A'.repeat(86)}`);
      await expectStatus(page, 'ja', 'notFound');
      expect(await page.getByText('熊本 花子').count()).toBe(0);
      await page.getByLabel(text.ja.certificates.check.nameLabel).fill('熊本　花子');
      await screenshot(page, 'certificates-02-verify-not-found-ja');
      await page.getByRole('button', { name: text.ja.certificates.check.nameSubmit }).click();
      await expectStatus(page, 'ja', 'authentic');

      await page.goto(`/verify/${revoked.serial}?s=${revoked.signature}`);
      await expectStatus(page, 'ja', 'revoked');
      await expectAccessible(page, 'verification, revoked (ja)');
      await screenshot(page, 'certificates-03-verify-revoked-ja');

      // The holder's list, with the PDFs.
      await demoSignIn(page, 'ja', '熊本 花子');
      await page.goto('/points/certificates');
      await waitForTitle(page, text.ja.certificates.title);
      const download = page.getByRole('link', { name: /日本語のPDF/ }).first();
      await download.waitFor();
      await page.getByText(text.ja.certificates.revoked, { exact: true }).first().waitFor();
      const pdf = await page.request.get((await download.getAttribute('href')) ?? '');
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await expectAccessible(page, 'my certificates (ja)');
      await screenshot(page, 'certificates-04-list-ja');

      // The city revokes one, with a reason.
      await page.goto('/mypage');
      await page.getByRole('button', { name: text.ja.myPage.signOut, exact: true }).click();
      await page.getByRole('heading', { name: text.ja.myPage.signedOutHeading }).waitFor();
      await demoSignIn(page, 'ja', '田中 誠');
      await page.goto('/city?view=certificates');
      await waitForTitle(page, text.ja.certificates.revoke.title);
      await page.getByLabel(text.ja.certificates.revoke.serialLabel).fill(toRevoke.serial.toLowerCase());
      await page.getByRole('button', { name: text.ja.certificates.revoke.find }).click();
      await page.getByRole('heading', { name: text.ja.certificates.revoke.found }).waitFor();
      await page.getByLabel(text.ja.certificates.revoke.reasonLabel).fill('アプリの不具合による誤発行のため');
      await page.getByLabel(text.ja.certificates.revoke.confirm).check();
      await screenshot(page, 'certificates-05-city-revoke-ja');
      await page.getByRole('button', { name: text.ja.certificates.revoke.submit }).click();
      await page.getByRole('status').filter({ hasText: toRevoke.serial }).waitFor();
      await expectAccessible(page, 'city revocation, done (ja)');
      await screenshot(page, 'certificates-06-city-revoked-ja');
      await page.goto(`/verify/${toRevoke.serial}?s=${toRevoke.signature}`);
      await expectStatus(page, 'ja', 'revoked');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('the QR code’s page in English: authentic and revoked', async () => {
    const { context, errors, page } = await openPhone(app, 'en');
    try {
      await page.goto(`/verify/${issued.authentic.serial}?s=${issued.authentic.signature}`);
      await waitForTitle(page, text.en.certificates.check.title);
      await expectStatus(page, 'en', 'authentic');
      const details = page.getByRole('region', { name: text.en.certificates.check.details });
      await details.getByText('1 June 2025 09:00–11:30 (JST)', { exact: true }).waitFor();
      await details.getByText('2 hours 30 minutes', { exact: true }).waitFor();
      await expectAccessible(page, 'verification, authentic (en)');
      await screenshot(page, 'certificates-07-verify-authentic-en');
      await details.scrollIntoViewIfNeeded();
      await screenshot(page, 'certificates-08-verify-details-en');

      await page.goto(`/verify/${issued.revoked.serial}?s=${issued.revoked.signature}`);
      await expectStatus(page, 'en', 'revoked');
      await screenshot(page, 'certificates-09-verify-revoked-en');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});

/** Three certificates of the demo resident 熊本 花子: one authentic, one revoked, one for the city to revoke. */
async function seedCertificates(db: Database, into: Record<string, Issued>): Promise<void> {
  const [resident] = await db.select({ id: users.id }).from(users).where(eq(users.persona, 'resident'));
  const [organizer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.persona, 'organizer-admin'));
  if (!resident || !organizer) throw new Error('demo personas missing');
  const { groupId, name: groupName } = await createGroup(db, {
    adminUserId: organizer.id,
    name: '白川校区まちづくり委員会（証明書テスト）',
  });
  const startsAt = new Date('2025-06-01T09:00:00+09:00');
  const endsAt = new Date('2025-06-01T11:30:00+09:00');
  const kinds = [
    ['authentic', '【白川校区】白川河川敷の清掃活動', null],
    ['revoked', '江津湖の外来植物駆除', new Date('2025-07-01T10:00:00+09:00')],
    ['toRevoke', '熊本城周辺の清掃ボランティア', null],
  ] as const;
  for (const [kind, title, revokedAt] of kinds) {
    const { activityId } = await createActivity(db, groupId, {
      title,
      placeName: '白川河川敷（代継橋下）',
      startsAt,
      endsAt,
    });
    const content: CertificateContent = {
      serial: certificateSerial(2025, randomBytes(certificateSerialRandomBytes)),
      holderName: '熊本 花子',
      activityTitle: title,
      groupName,
      place: '白川河川敷（代継橋下）',
      startsAt,
      endsAt,
      issuedAt: new Date('2025-06-01T11:25:00+09:00'),
    };
    const signature = await writeSignedCertificate(db, developmentSigningKeySecret, {
      userId: resident.id,
      activityId,
      content,
      ...(revokedAt ? { revokedAt } : {}),
    });
    into[kind] = { serial: content.serial, signature };
  }
}
