import { z } from 'zod';
import { recordAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authorize.ts';
import type { Feature } from '../../../platform/deps.ts';
import { problems } from '../../../platform/schemas.ts';
import { listIdentityConflicts } from './list-conflicts.ts';
import { releaseIdentity } from './release-identity.ts';

const conflictSchema = z.object({
  occurredAt: z.iso.datetime(),
  adapter: z.string(),
  claimant: z.object({ id: z.uuid(), displayName: z.string(), createdAt: z.iso.datetime() }),
  holder: z
    .object({
      id: z.uuid(),
      displayName: z.string(),
      verifiedAt: z.iso.datetime().nullable(),
      stillBound: z.boolean(),
    })
    .nullable(),
});

/** City administrators resolve "already verified on another account" cases (issue 3, R-ID-1). */
export const identityConflictRoutes: Feature = (app, { db, clock }) => {
  app.get(
    '/api/city/identity-conflicts',
    {
      schema: {
        tags: ['city'],
        summary: 'Verifications refused because the person is bound to another account, newest first',
        response: { 200: z.object({ conflicts: z.array(conflictSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'identity.resolve_conflict');
      const conflicts = await listIdentityConflicts(db);
      // R-PRIV-1: staff reading residents' names is an access to personal data.
      await recordAudit(db, {
        actorUserId: viewer.userId,
        action: 'identity.conflicts_viewed',
        subjectType: 'identity_conflicts',
        details: { count: conflicts.length },
        requestId: request.id,
      });
      return {
        conflicts: conflicts.map((c) => ({
          ...c,
          occurredAt: c.occurredAt.toISOString(),
          claimant: { ...c.claimant, createdAt: c.claimant.createdAt.toISOString() },
          holder: c.holder && { ...c.holder, verifiedAt: c.holder.verifiedAt?.toISOString() ?? null },
        })),
      };
    },
  );

  app.post(
    '/api/city/identity-conflicts/release',
    {
      schema: {
        tags: ['city'],
        summary: 'Release the card from the account that holds it, so the person can verify another',
        body: z.object({ holderUserId: z.uuid(), reason: z.string().trim().min(1).max(2000) }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'identity.resolve_conflict');
      await releaseIdentity(db, {
        holderUserId: request.body.holderUserId,
        actorUserId: viewer.userId,
        reason: request.body.reason,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
