import { errorCodes, identityLevels, locales, roles } from '@kumamoto/domain';
import { z } from 'zod';

/** Schemas several features share; OpenAPI shows them once. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const userSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    identity: z.enum(identityLevels),
    roles: z.array(z.enum(roles)),
    locale: z.enum(locales),
    persona: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<
    number,
    typeof problemSchema
  >;
