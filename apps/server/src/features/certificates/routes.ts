import {
  accessDecision,
  certificateVerificationUrl,
  locales,
  type GroupRole,
  type SignedInAction,
} from '@kumamoto/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/schemas.ts';
import { signingKey } from '../../platform/signing-keys.ts';
import type { Viewer } from '../../platform/viewer.ts';
import { groupRoleOf } from '../organizer/members.ts';
import {
  activityForPaperForm,
  cityCertificate,
  listOwnCertificates,
  ownCertificate,
  paperFormContent,
  revokeCertificate,
  signatureOf,
  verifyCertificate,
} from './certificates.ts';
import { CertificateFontMissingError, certificateFonts } from './fonts.ts';
import { renderCertificatePdf, renderPaperCertificatePdf } from './pdf.ts';

const tags = ['certificates'];
/** Serials as printed or typed (any case, spaces, full-width): parsed by the use-cases. */
const serialParams = z.object({ serial: z.string().min(1).max(64) });
const langQuery = z.object({ lang: z.enum(locales).default('ja') });

const certificateSummarySchema = z
  .object({
    serial: z.string(),
    activityTitle: z.string(),
    groupName: z.string(),
    startsAt: z.date(),
    endsAt: z.date(),
    place: z.string(),
    issuedAt: z.date(),
    revoked: z.boolean(),
  })
  .meta({ id: 'CertificateSummary' });

const verificationSchema = z
  .object({
    status: z.enum(['authentic', 'revoked', 'not_found', 'altered']),
    serial: z.string(),
    holderName: z.string().optional(),
    activityTitle: z.string().optional(),
    groupName: z.string().optional(),
    place: z.string().optional(),
    startsAt: z.date().optional(),
    endsAt: z.date().optional(),
    issuedAt: z.date().optional(),
    revokedAt: z.date().optional(),
  })
  .meta({ id: 'CertificateVerification' });

const cityCertificateSchema = z.object({
  serial: z.string(),
  holderName: z.string().nullable(),
  activityTitle: z.string(),
  groupName: z.string(),
  place: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  issuedAt: z.date(),
  revokedAt: z.date().nullable(),
  revokeReason: z.string().nullable(),
});

/** A PDF answer: private, never cached by a shared cache, with a file name for saving. */
function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string, download: boolean): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `${download ? 'attachment' : 'inline'}; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(pdf);
}

/** A missing font is the operator's to fix: logged as such, answered as unavailable. */
async function withFont<T>(request: FastifyRequest, render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof CertificateFontMissingError)) throw error;
    request.log.error({ err: error }, 'certificate PDF: no Japanese font (operator action needed)');
    throw new AppError('certificate_font_unavailable');
  }
}

/**
 * The first of `actions` the policy allows the caller in the group, authorized through
 * `authorize` (so a refusal reads and logs the same as everywhere): the paper form is for
 * those who manage the activity or show its check-in code.
 */
async function authorizeAnyInGroup(
  request: FastifyRequest,
  actions: readonly [SignedInAction, ...SignedInAction[]],
  roleOf: (userId: string) => Promise<GroupRole | null>,
): Promise<Viewer> {
  const viewer = request.viewer;
  if (!viewer) return authorize(request, actions[0]);
  const groupRole = await roleOf(viewer.userId);
  const subject = { identity: viewer.identity, roles: viewer.roles, groupRole };
  const allowed = actions.find((action) => accessDecision(subject, action).allowed);
  return authorize(request, allowed ?? actions[0], groupRole);
}

/**
 * Activity certificates (R-PT-10, issue 6 parts 4 and 5): the holder's list and PDFs, the public
 * verification page's API, the city's revocation, and the organizer's blank paper form.
 */
export const certificateRoutes: Feature = (app, { db, clock, config }) => {
  const key = signingKey(config.signingKeySecret, 'certificate');
  try {
    certificateFonts(config.certificateFontFile);
  } catch (error) {
    // The server still starts (everything else works); each PDF request answers 503.
    if (error instanceof CertificateFontMissingError) app.log.error(error.message);
    else throw error;
  }

  app.get(
    '/api/me/certificates',
    {
      schema: {
        tags,
        summary: 'My activity certificates, the latest activity first',
        response: {
          200: z.object({ certificates: z.array(certificateSummarySchema) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'certificate.receive');
      const rows = await listOwnCertificates(db, viewer.userId);
      return {
        certificates: rows.map((row) => ({
          serial: row.serial,
          activityTitle: row.activityTitle,
          groupName: row.groupName,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          place: row.place,
          issuedAt: row.issuedAt,
          revoked: row.revokedAt !== null,
        })),
      };
    },
  );

  app.get(
    '/api/me/certificates/:serial/pdf',
    {
      schema: {
        tags,
        summary: 'One of my certificates as an A4 PDF, in Japanese or English',
        params: serialParams,
        querystring: langQuery,
        response: { 200: z.unknown().describe('application/pdf'), ...problems(401, 403, 404, 410, 503) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'certificate.receive');
      const { row, content } = await ownCertificate(db, viewer.userId, request.params.serial);
      const pdf = await withFont(request, () =>
        renderCertificatePdf(content, {
          locale: request.query.lang,
          verificationUrl: certificateVerificationUrl(config.publicUrl, row.serial, signatureOf(row)),
          fontFile: config.certificateFontFile,
        }),
      );
      return sendPdf(reply, pdf, `${row.serial}${request.query.lang === 'en' ? '-en' : ''}.pdf`, true);
    },
  );

  app.get(
    '/api/certificates/:serial/verification',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Public: is this certificate authentic and unchanged? Name and activity only with the QR code’s signature (s) or the holder’s name as printed (name)',
        params: serialParams,
        querystring: z.object({
          s: z.string().max(200).optional(),
          name: z.string().max(200).optional(),
        }),
        response: { 200: verificationSchema, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const answer = await verifyCertificate(db, key, {
        serial: request.params.serial,
        signature: request.query.s,
        name: request.query.name,
        requestId: request.id,
      });
      reply.header('cache-control', 'no-store');
      const { certificate } = answer;
      return {
        status: answer.status,
        serial: answer.serial,
        ...(certificate && {
          holderName: certificate.holderName,
          activityTitle: certificate.activityTitle,
          groupName: certificate.groupName,
          place: certificate.place,
          startsAt: certificate.startsAt,
          endsAt: certificate.endsAt,
          issuedAt: certificate.issuedAt,
        }),
        ...(answer.revokedAt && { revokedAt: answer.revokedAt }),
      };
    },
  );

  app.get(
    '/api/city/certificates/:serial',
    {
      schema: {
        tags,
        summary: 'A certificate as city staff see it before revoking (audited)',
        params: serialParams,
        response: { 200: cityCertificateSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'certificate.revoke');
      const row = await cityCertificate(db, {
        serial: request.params.serial,
        actorUserId: viewer.userId,
        requestId: request.id,
      });
      return {
        serial: row.serial,
        holderName: row.holderName,
        activityTitle: row.activityTitle,
        groupName: row.groupName,
        place: row.place,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        issuedAt: row.issuedAt,
        revokedAt: row.revokedAt,
        revokeReason: row.revokeReason,
      };
    },
  );

  app.post(
    '/api/city/certificates/:serial/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate issued in error, with a reason (audited; the holder is notified)',
        params: serialParams,
        body: z.object({ reason: z.string().max(5000) }),
        response: {
          200: z.object({ serial: z.string(), revokedAt: z.date() }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'certificate.revoke');
      return revokeCertificate(db, {
        serial: request.params.serial,
        reason: request.body.reason,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
    },
  );

  app.get(
    '/api/organizer/activities/:id/paper-certificate.pdf',
    {
      schema: {
        tags,
        summary: 'The blank paper certificate form for one activity (R-PT-10), in Japanese or English',
        params: z.object({ id: z.uuid() }),
        querystring: langQuery,
        response: { 200: z.unknown().describe('application/pdf'), ...problems(401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      let found: Awaited<ReturnType<typeof activityForPaperForm>> = null;
      await authorizeAnyInGroup(
        request,
        ['activity.manage', 'activity.show_checkin_code'],
        async (userId) => {
          found = await activityForPaperForm(db, request.params.id);
          return found ? groupRoleOf(db, found.group.id, userId) : null;
        },
      );
      if (!found) throw new AppError('not_found');
      const form = paperFormContent(found, clock.now());
      const pdf = await withFont(request, () =>
        renderPaperCertificatePdf(form, { locale: request.query.lang, fontFile: config.certificateFontFile }),
      );
      const name = request.query.lang === 'en' ? 'paper-certificate-form' : '活動証明書_紙様式';
      return sendPdf(reply, pdf, `${name}.pdf`, false);
    },
  );
};
