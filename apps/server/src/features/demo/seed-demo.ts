import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { developmentIdentityKeySecret } from '../../config.ts';
import { identityBindings, userMiniApps, userRoles, users } from '../../db/schema.ts';
import { cardColumns } from '../identity/card-columns.ts';
import { personKey } from '../identity/jpki/keys.ts';
import { loadSampleSchoolDistrictsIfEmpty } from '../school-districts/load-at-start.ts';
import { seedOrganizerDemo } from '../organizer/demo-seed.ts';
import { seedActivitiesDemo } from '../activities/demo-seed.ts';
import { demoPersonas } from './personas.ts';

/**
 * Seeds the demo personas. Idempotent: a persona already present is left as it is, so
 * restarting never duplicates or resets demo data.
 */
export async function seedDemoData(
  db: Database,
  { now = new Date(), identityKeySecret = developmentIdentityKeySecret } = {},
): Promise<{ created: number }> {
  let created = 0;
  for (const persona of demoPersonas) {
    await db.transaction(async (tx) => {
      const existing = await tx.select({ id: users.id }).from(users).where(eq(users.persona, persona.key));
      if (existing.length > 0) return;
      const [user] = await tx
        .insert(users)
        .values({ displayName: persona.displayName, persona: persona.key, ...cardColumns(persona.card, now) })
        .returning({ id: users.id });
      if (!user) throw new Error(`could not seed persona ${persona.key}`);
      // A verified persona's card is bound to it, so no other account can verify with that sample card.
      if (persona.card) {
        await tx.insert(identityBindings).values({
          userId: user.id,
          adapter: 'oidc',
          bindingKey: `demo-seed:${persona.key}`,
          personKey: personKey(identityKeySecret, persona.card.name, persona.card.birthDate),
          createdAt: now,
          lastVerifiedAt: now,
        });
      }
      if (persona.roles.length > 0) {
        await tx.insert(userRoles).values(persona.roles.map((role) => ({ userId: user.id, role })));
      }
      if (persona.installed.length > 0) {
        await tx
          .insert(userMiniApps)
          .values(persona.installed.map((miniAppId) => ({ userId: user.id, miniAppId })));
      }
      created++;
    });
  }
  await seedOrganizerDemo(db, { now });
  // The sample 校区 table (not the city's official one), if none is loaded; it derives the personas' districts.
  await loadSampleSchoolDistrictsIfEmpty(db);
  await seedActivitiesDemo(db, { now });
  return { created };
}
