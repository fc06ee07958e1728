import {
  ageOn,
  genders,
  identityFields,
  identityLevels,
  jstDate,
  looksLikeIndividualNumber,
  type IsoDate,
} from '@kumamoto/domain';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { users, verificationEvents } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/schemas.ts';
import { cardServiceClient } from './oidc/relying-party.ts';

const historyLimit = 20;

const isoDate = z.iso.date();
const profileSchema = z
  .object({
    level: z.enum(identityLevels),
    /** The four items from the card (R-ID-1): read-only; null until verified. */
    card: z
      .object({ name: z.string(), address: z.string(), birthDate: isoDate, gender: z.enum(genders) })
      .nullable(),
    /** Derived from the card's (or, unverified, the declared) birth date, on today's JST date. */
    age: z.number().int().nullable(),
    verifiedAt: z.iso.datetime().nullable(),
    history: z.array(
      z.object({
        occurredAt: z.iso.datetime(),
        adapter: z.enum(['oidc', 'jpki']),
        changedFields: z.array(z.enum(identityFields)),
      }),
    ),
    /** Self-declared items of an unverified resident (R-ID-2); null once verified. */
    declared: z
      .object({ displayName: z.string(), birthDate: isoDate.nullable(), gender: z.enum(genders).nullable() })
      .nullable(),
    /** Which ways to verify this server offers. */
    methods: z.object({ cardService: z.boolean() }),
  })
  .meta({ id: 'IdentityProfile' });
type Profile = z.infer<typeof profileSchema>;

const declaredBody = z.object({
  displayName: z.string().trim().min(1).max(100),
  birthDate: isoDate.nullable(),
  gender: z.enum(genders).nullable(),
});

/**
 * The signed-in resident's own identity profile (My page). Reading it is not audited: the
 * reader is the person the data is about, through their own session (whose sign-in is audited),
 * and a row per My page view would bury the events that matter — access by someone else, and
 * every change (verification, declared items), which are audited.
 */
export const identityProfileRoutes: Feature = (app, { db, clock, config }) => {
  app.get(
    '/api/me/identity',
    {
      schema: {
        tags: ['identity'],
        summary: 'My identity profile: level, card items, age, verification history, declared items',
        response: { 200: profileSchema, ...problems(401) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'account.manage');
      reply.header('cache-control', 'no-store');
      return readProfile(db, config, viewer.userId, jstDate(clock.now()));
    },
  );

  app.put(
    '/api/me/identity/declared',
    {
      schema: {
        tags: ['identity'],
        summary: 'Edit my self-declared name, birth date and gender (only while unverified, R-ID-2)',
        body: declaredBody,
        response: { 200: profileSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'account.manage');
      reply.header('cache-control', 'no-store');
      const today = jstDate(clock.now());
      const input = request.body;
      // R-ID-3: a 12-digit individual number is never accepted, even as a "name".
      if (looksLikeIndividualNumber(input.displayName)) throw new AppError('individual_number_refused');
      if (input.birthDate !== null && (input.birthDate > today || input.birthDate < '1900-01-01')) {
        throw new AppError('validation_failed', {
          fieldErrors: [{ path: 'body.birthDate', message: 'out_of_range' }],
        });
      }
      await updateDeclared(db, { userId: viewer.userId, input, requestId: request.id });
      return readProfile(db, config, viewer.userId, today);
    },
  );
};

async function readProfile(db: Database, config: Config, userId: string, today: IsoDate): Promise<Profile> {
  const [user] = await db
    .select({
      level: users.identityLevel,
      displayName: users.displayName,
      cardName: users.cardName,
      cardAddress: users.cardAddress,
      cardBirthDate: users.cardBirthDate,
      cardGender: users.cardGender,
      verifiedAt: users.verifiedAt,
      declaredBirthDate: users.declaredBirthDate,
      declaredGender: users.declaredGender,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  const history = await db
    .select({
      occurredAt: verificationEvents.occurredAt,
      adapter: verificationEvents.adapter,
      changedFields: verificationEvents.changedFields,
    })
    .from(verificationEvents)
    .where(eq(verificationEvents.userId, userId))
    .orderBy(desc(verificationEvents.occurredAt))
    .limit(historyLimit);

  const verified =
    user.level === 'verified' &&
    user.cardName !== null &&
    user.cardAddress !== null &&
    user.cardBirthDate !== null &&
    user.cardGender !== null;
  const card = verified
    ? {
        name: user.cardName ?? '',
        address: user.cardAddress ?? '',
        birthDate: user.cardBirthDate as IsoDate,
        gender: user.cardGender ?? 'unspecified',
      }
    : null;
  const birthDate = (card?.birthDate ?? user.declaredBirthDate) as IsoDate | null;
  return {
    level: user.level,
    card,
    age: birthDate ? ageOn(birthDate, today) : null,
    verifiedAt: user.verifiedAt?.toISOString() ?? null,
    history: history.map((event) => ({
      occurredAt: event.occurredAt.toISOString(),
      adapter: event.adapter,
      changedFields: event.changedFields.filter((field): field is (typeof identityFields)[number] =>
        (identityFields as readonly string[]).includes(field),
      ),
    })),
    declared: card
      ? null
      : { displayName: user.displayName, birthDate: user.declaredBirthDate, gender: user.declaredGender },
    methods: { cardService: cardServiceClient(config) !== null },
  };
}

async function updateDeclared(
  db: Database,
  input: { userId: string; input: z.infer<typeof declaredBody>; requestId: string },
): Promise<void> {
  const { displayName, birthDate, gender } = input.input;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        displayName: users.displayName,
        birthDate: users.declaredBirthDate,
        gender: users.declaredGender,
        level: users.identityLevel,
      })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!before) throw new AppError('not_found');
    // Once verified, the card's items are the person's (R-ID-1): only re-verifying changes them.
    if (before.level !== 'unverified') throw new AppError('declared_profile_locked');
    await tx
      .update(users)
      .set({ displayName, declaredBirthDate: birthDate, declaredGender: gender })
      .where(and(eq(users.id, input.userId), eq(users.identityLevel, 'unverified')));
    const changed = [
      before.displayName !== displayName && 'displayName',
      before.birthDate !== birthDate && 'birthDate',
      before.gender !== gender && 'gender',
    ].filter((field): field is string => typeof field === 'string');
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'identity.declared_updated',
      subjectType: 'user',
      subjectId: input.userId,
      details: { changedFields: changed },
      requestId: input.requestId,
    });
  });
}
