import {
  availableTransitions,
  emptyApplicationDraft,
  normalizeDetails,
  validateApplication,
  type ApplicationDraft,
  type DocumentRef,
  type FieldError,
  type LifecycleActor,
  type LifecycleEvent,
  type Problem,
  type RegisteredDetails,
} from '@kumamoto/domain';
import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizerApplications, organizerEvents } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import { ownDocuments } from './documents.ts';
import type { DetailsOut } from './schemas.ts';
import {
  decide,
  groupOfApplication,
  lifecycleState,
  lockApplication,
  organizerSettings,
  type ApplicationRow,
  type Db,
  type Transaction,
} from './lifecycle-io.ts';

/** A draft as the client sends it; documents by id only (the server fills in their facts). */
export interface DraftInput extends Omit<
  ApplicationDraft,
  'officerList' | 'bylaws' | 'category' | 'activityFields'
> {
  category: string | null;
  activityFields: readonly string[];
  officerList: { id: string } | null;
  bylaws: { id: string } | null;
}

/** "The same group name" (issue 4, bad input): NFKC, lower case, without spaces. */
export function normalizedGroupName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

function fieldProblems(errors: FieldError[]): Problem['errors'] {
  return errors.map((error) => ({ path: error.field, message: error.code }));
}

/** Resolves document ids to the applicant's own stored files; an unknown id is a field error. */
async function resolveDraft(db: Db, applicantUserId: string, input: DraftInput): Promise<ApplicationDraft> {
  const ids = [input.officerList?.id, input.bylaws?.id].filter((id): id is string => typeof id === 'string');
  const documents = await ownDocuments(db, applicantUserId, ids);
  const errors: FieldError[] = [];
  const resolve = (field: 'officerList' | 'bylaws'): DocumentRef | null => {
    const ref = input[field];
    if (!ref) return null;
    const stored = documents.get(ref.id);
    if (!stored) errors.push({ field, code: 'invalid_choice' });
    return stored ?? null;
  };
  const draft = {
    ...emptyApplicationDraft,
    ...input,
    category: input.category as ApplicationDraft['category'],
    activityFields: input.activityFields as ApplicationDraft['activityFields'],
    officerList: resolve('officerList'),
    bylaws: resolve('bylaws'),
  };
  if (errors.length > 0) {
    throw new AppError('organizer_application_invalid', { fieldErrors: fieldProblems(errors) });
  }
  return draft;
}

/**
 * Registered details of a change application (R-ORG-8): a document may be one the group
 * already registered (kept as it is) or a new one the administrator uploaded.
 */
export async function resolveDetails(
  db: Db,
  userId: string,
  input: DraftInput,
  current: Record<string, unknown>,
): Promise<RegisteredDetails> {
  const registered = current as unknown as RegisteredDetails;
  const keep = (field: 'officerList' | 'bylaws') => {
    const ref = input[field];
    return ref && registered[field]?.id === ref.id ? registered[field] : null;
  };
  const kept = { officerList: keep('officerList'), bylaws: keep('bylaws') };
  const draft = await resolveDraft(db, userId, {
    ...input,
    officerList: kept.officerList ? null : input.officerList,
    bylaws: kept.bylaws ? null : input.bylaws,
  });
  const { declaration: _declaration, ...details } = draft;
  return {
    ...details,
    officerList: kept.officerList ?? details.officerList,
    bylaws: kept.bylaws ?? details.bylaws,
  };
}

function checkDraft(draft: ApplicationDraft, mode: 'draft' | 'submit'): ApplicationDraft {
  const errors = validateApplication(draft, mode);
  if (errors.length > 0) {
    throw new AppError('organizer_application_invalid', { fieldErrors: fieldProblems(errors) });
  }
  return normalizeDetails(draft);
}

function columnsFor(draft: ApplicationDraft) {
  return {
    details: draft as unknown as Record<string, unknown>,
    normalizedName: normalizedGroupName(draft.name),
    category: draft.category,
  };
}

async function withDuplicateCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('organizer_duplicate_application');
    throw error;
  }
}

/** R-ORG-3, R-ORG-4: a verified resident starts an application (a saved draft). */
export async function createDraft(
  db: Database,
  input: { userId: string; draft: DraftInput; now: Date; requestId: string },
): Promise<string> {
  return withDuplicateCheck(() =>
    db.transaction(async (tx) => {
      const draft = checkDraft(await resolveDraft(tx, input.userId, input.draft), 'draft');
      const [row] = await tx
        .insert(organizerApplications)
        .values({
          applicantUserId: input.userId,
          status: 'draft',
          ...columnsFor(draft),
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning({ id: organizerApplications.id });
      if (!row) throw new AppError('internal');
      await tx.insert(organizerEvents).values({
        applicationId: row.id,
        event: 'application.create',
        round: 0,
        actorUserId: input.userId,
        occurredAt: input.now,
      });
      await recordAudit(tx, {
        actorUserId: input.userId,
        action: 'organizer.application.created',
        subjectType: 'organizer_application',
        subjectId: row.id,
        requestId: input.requestId,
      });
      return row.id;
    }),
  );
}

/** The applicant's own application, locked; anyone else learns only that there is none. */
async function lockOwn(tx: Transaction, id: string, userId: string): Promise<ApplicationRow> {
  const row = await lockApplication(tx, id);
  if (!row || row.applicantUserId !== userId) throw new AppError('not_found');
  return row;
}

/** Saves a draft, or edits a returned application before resubmitting it (R-ORG-5). */
export async function saveDraft(
  db: Database,
  input: { userId: string; id: string; draft: DraftInput; now: Date; requestId: string },
): Promise<void> {
  await withDuplicateCheck(() =>
    db.transaction(async (tx) => {
      const row = await lockOwn(tx, input.id, input.userId);
      decide(lifecycleState(row, null), 'application.save', 'applicant', { now: input.now });
      const draft = checkDraft(await resolveDraft(tx, input.userId, input.draft), 'draft');
      await tx
        .update(organizerApplications)
        .set({ ...columnsFor(draft), updatedAt: input.now })
        .where(eq(organizerApplications.id, row.id));
    }),
  );
}

/**
 * Hands in the application: `submit` the first time, `resubmit` after a return. Everything the
 * category requires must be there and the declaration made; the round's snapshot is kept so
 * that both sides can see what each round contained.
 */
export async function submitApplication(
  db: Database,
  input: { userId: string; id: string; now: Date; requestId: string },
): Promise<void> {
  await withDuplicateCheck(() =>
    db.transaction(async (tx) => {
      const row = await lockOwn(tx, input.id, input.userId);
      const event: LifecycleEvent = row.status === 'returned' ? 'application.resubmit' : 'application.submit';
      const { state } = decide(lifecycleState(row, null), event, 'applicant', { now: input.now });
      const stored = row.details as unknown as ApplicationDraft;
      const draft = checkDraft(
        await resolveDraft(tx, input.userId, {
          ...stored,
          officerList: stored.officerList && { id: stored.officerList.id },
          bylaws: stored.bylaws && { id: stored.bylaws.id },
        }),
        'submit',
      );
      const round = row.round + 1;
      await tx
        .update(organizerApplications)
        .set({
          status: state.application,
          ...columnsFor(draft),
          round,
          submittedAt: input.now,
          updatedAt: input.now,
        })
        .where(eq(organizerApplications.id, row.id));
      await tx.insert(organizerEvents).values({
        applicationId: row.id,
        event,
        round,
        actorUserId: input.userId,
        details: draft as unknown as Record<string, unknown>,
        occurredAt: input.now,
      });
      await recordAudit(tx, {
        actorUserId: input.userId,
        action: `organizer.${event}`,
        subjectType: 'organizer_application',
        subjectId: row.id,
        details: { from: row.status, to: state.application, round },
        requestId: input.requestId,
      });
    }),
  );
}

export async function withdrawApplication(
  db: Database,
  input: { userId: string; id: string; reason?: string; now: Date; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockOwn(tx, input.id, input.userId);
    const { state } = decide(lifecycleState(row, null), 'application.withdraw', 'applicant', {
      now: input.now,
      reason: input.reason,
    });
    await tx
      .update(organizerApplications)
      .set({ status: state.application, updatedAt: input.now })
      .where(eq(organizerApplications.id, row.id));
    await tx.insert(organizerEvents).values({
      applicationId: row.id,
      event: 'application.withdraw',
      round: row.round,
      actorUserId: input.userId,
      reason: input.reason?.trim() || null,
      occurredAt: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'organizer.application.withdraw',
      subjectType: 'organizer_application',
      subjectId: row.id,
      reason: input.reason?.trim() || null,
      details: { from: row.status, to: state.application },
      requestId: input.requestId,
    });
  });
}

export async function listOwnApplications(db: Database, userId: string) {
  return db
    .select({
      id: organizerApplications.id,
      status: organizerApplications.status,
      details: organizerApplications.details,
      round: organizerApplications.round,
      createdAt: organizerApplications.createdAt,
      updatedAt: organizerApplications.updatedAt,
      submittedAt: organizerApplications.submittedAt,
    })
    .from(organizerApplications)
    .where(eq(organizerApplications.applicantUserId, userId))
    .orderBy(desc(organizerApplications.updatedAt));
}

/** Every round of an application, oldest first. Reasons are visible to both sides (R-ORG-5). */
export async function applicationHistory(db: Db, applicationId: string) {
  return db
    .select({
      event: organizerEvents.event,
      round: organizerEvents.round,
      actorUserId: organizerEvents.actorUserId,
      reason: organizerEvents.reason,
      details: organizerEvents.details,
      occurredAt: organizerEvents.occurredAt,
    })
    .from(organizerEvents)
    .where(eq(organizerEvents.applicationId, applicationId))
    .orderBy(asc(organizerEvents.occurredAt), asc(organizerEvents.id));
}

/** One application as a side sees it: details, history, and the actions the lifecycle offers. */
export async function applicationView(db: Db, row: ApplicationRow, actor: LifecycleActor, now: Date) {
  const group = await groupOfApplication(db, row.id);
  const history = await applicationHistory(db, row.id);
  return {
    id: row.id,
    status: row.status,
    round: row.round,
    details: row.details as unknown as DetailsOut,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    groupId: group?.id ?? null,
    history,
    actions: availableTransitions(lifecycleState(row, group), actor, { now, settings: organizerSettings })
      .filter((rule) => rule.subject === 'application')
      .map((rule) => ({ event: rule.event, reason: rule.reason })),
  };
}

export async function ownApplication(db: Database, userId: string, id: string, now: Date) {
  const [row] = await db.select().from(organizerApplications).where(eq(organizerApplications.id, id));
  if (!row || row.applicantUserId !== userId) throw new AppError('not_found');
  return applicationView(db, row, 'applicant', now);
}
