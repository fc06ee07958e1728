import {
  localizeActivityFieldErrors,
  pickLocale,
  validateActivityInput,
  type ActivityFieldError,
  type ActivityValidationContext,
} from '@kumamoto/domain';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { activityImages, schoolDistricts } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Db } from '../../organizer/lifecycle-io.ts';
import type { ActivityForm } from './columns.ts';

/** The form's problems, one per field, as the domain found them; localized by the route. */
export class ActivityFormError extends AppError {
  readonly errors: readonly ActivityFieldError[];

  constructor(errors: readonly ActivityFieldError[]) {
    super('validation_failed', { fieldErrors: localizeActivityFieldErrors(errors, 'ja') });
    this.errors = errors;
  }
}

/**
 * The domain's `validateActivityInput` (R-ACT-1, R-ACT-2: lengths, characters, dates,
 * capacity against the current applicants, the five criteria when publishing) with what only
 * the database knows: whether the district exists. Throws every problem at once.
 */
export async function assertValidForm(
  db: Db,
  form: ActivityForm,
  context: Omit<ActivityValidationContext, 'districtCodes'>,
): Promise<void> {
  const code = form.schoolDistrictCode;
  let districtCodes: Set<string> | undefined;
  if (code) {
    const found = await db
      .select({ code: schoolDistricts.code })
      .from(schoolDistricts)
      .where(eq(schoolDistricts.code, code));
    districtCodes = new Set(found.map((row) => row.code));
  }
  const errors = validateActivityInput(form, { ...context, districtCodes });
  if (errors.length > 0) throw new ActivityFormError(errors);
}

/** A thumbnail must be one this group uploaded; another group's image id is refused. */
export async function assertOwnThumbnail(db: Db, groupId: string, imageId: string | null): Promise<void> {
  if (imageId === null) return;
  const [row] = await db
    .select({ id: activityImages.id })
    .from(activityImages)
    .where(and(eq(activityImages.id, imageId), eq(activityImages.groupId, groupId)));
  if (!row) throw new AppError('activity_image_not_found');
}

/** Field errors leave in the reader's language (problem+json `errors`). */
export async function inReadersLanguage<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ActivityFormError)) throw error;
    const locale = pickLocale(request.headers['accept-language']);
    throw new AppError('validation_failed', {
      fieldErrors: localizeActivityFieldErrors(error.errors, locale),
    });
  }
}
