import { z } from 'zod';
import type { Feature } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { problems } from '../../../platform/schemas.ts';
import { requireViewer } from '../../../platform/session.ts';
import { challengeMessage, challengeTtlMs, issueChallenge } from './challenge.ts';
import { jpkiFromConfig } from './jpki-service.ts';
import { refuseMalformedAnswer, verifyCardAnswer } from './verify-card-answer.ts';

const base64Text = (max: number) => z.string().min(1).max(max);

const challengeSchema = z
  .object({
    challenge: z.string(),
    /** The exact text the card signs (UTF-8), so a client need not rebuild it. */
    signedText: z.string(),
    signatureAlgorithm: z.literal('RSASSA-PKCS1-v1_5 SHA-256'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'JpkiChallenge' });

const answerSchema = z.object({
  certificate: base64Text(16_384).describe('The signature certificate (署名用電子証明書), DER in base64'),
  signature: base64Text(2_048).describe('The card’s signature over signedText, base64'),
  challenge: z.string().max(64).describe('The challenge as issued'),
  intermediates: z.array(base64Text(16_384)).max(4).optional().describe('CA certificates, DER in base64'),
});

const verifiedSchema = z
  .object({
    identity: z.literal('verified'),
    changedFields: z.array(z.enum(['name', 'address', 'birthDate', 'gender'])),
    substituted: z.object({ name: z.boolean(), address: z.boolean() }),
    schoolDistrict: z.object({ code: z.string(), source: z.enum(['address', 'chosen']) }).nullable(),
  })
  .meta({ id: 'JpkiVerified' });

/**
 * The JPKI signature-certificate path (issue 3 part 2) for a native wrapper or a PC card
 * reader: ask for a challenge, have the card sign it, send certificate + signature back.
 * See docs/api.md (JPKI) for the request shapes.
 */
export const jpkiRoutes: Feature = (app, deps) => {
  const jpki = jpkiFromConfig(deps, app.log);
  const offered = () => {
    if (jpki === null) throw new AppError('jpki_not_offered');
    return jpki;
  };

  app.get(
    '/api/identity/jpki',
    {
      schema: {
        tags: ['identity'],
        summary: 'Whether this server verifies with the JPKI signature certificate',
        response: { 200: z.object({ offered: z.boolean(), challengeTtlSeconds: z.number().int() }) },
      },
    },
    () => ({ offered: jpki !== null, challengeTtlSeconds: challengeTtlMs / 1000 }),
  );

  app.post(
    '/api/identity/jpki/challenge',
    {
      schema: {
        tags: ['identity'],
        summary: 'A one-time challenge (5 minutes) for the card to sign',
        response: { 200: challengeSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const service = offered();
      const { challenge, expiresAt } = await issueChallenge(service.challenges, service.clock, viewer.userId);
      return {
        challenge,
        signedText: new TextDecoder().decode(challengeMessage(challenge)),
        signatureAlgorithm: 'RSASSA-PKCS1-v1_5 SHA-256' as const,
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/identity/jpki/verify',
    {
      schema: {
        tags: ['identity'],
        summary: 'Verify with the card’s signature certificate and its signature over the challenge',
        body: answerSchema,
        response: { 200: verifiedSchema, ...problems(400, 401, 403, 404, 409, 410, 422, 503) },
      },
      // A body that is not an answer is a refusal like any other: audited, challenge used up.
      attachValidation: true,
    },
    async (request) => {
      const viewer = requireViewer(request);
      const service = offered();
      if (request.validationError) {
        const body: unknown = request.body;
        const challenge =
          typeof body === 'object' && body !== null && 'challenge' in body ? body.challenge : undefined;
        return refuseMalformedAnswer(deps.db, service, {
          userId: viewer.userId,
          challenge,
          requestId: request.id,
        });
      }
      const verified = await verifyCardAnswer(deps.db, service, {
        userId: viewer.userId,
        answer: request.body,
        requestId: request.id,
      });
      return { identity: 'verified' as const, ...verified };
    },
  );
};
