import { schoolDistrictSources } from '@kumamoto/domain';
import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { problems } from '../../platform/schemas.ts';
import { requireViewer } from '../../platform/session.ts';
import { chooseDistrict, residentDistrict } from './resident-district.ts';
import { listDistricts } from './store.ts';

const districtSchema = z
  .object({ code: z.string(), nameJa: z.string(), nameEn: z.string() })
  .meta({ id: 'SchoolDistrict' });

const residentDistrictSchema = z
  .object({
    district: districtSchema.nullable(),
    source: z.enum(schoolDistrictSources).nullable(),
    canChoose: z.boolean(),
  })
  .meta({ id: 'ResidentSchoolDistrict' });

/** School districts (校区, issue 3 part 5): the list, and the signed-in resident's own. */
export const schoolDistrictRoutes: Feature = (app, { db }) => {
  app.get(
    '/api/school-districts',
    {
      schema: {
        tags: ['school-districts'],
        summary: 'Every school district, in the city table’s order',
        response: { 200: z.object({ districts: z.array(districtSchema) }) },
      },
    },
    async () => ({ districts: await listDistricts(db) }),
  );

  app.get(
    '/api/me/school-district',
    {
      schema: {
        tags: ['school-districts'],
        summary: 'The resident’s school district, where it came from, and whether they may choose',
        response: { 200: residentDistrictSchema, ...problems(401) },
      },
    },
    async (request) => residentDistrict(db, requireViewer(request).userId),
  );

  app.put(
    '/api/me/school-district',
    {
      schema: {
        tags: ['school-districts'],
        summary: 'Choose a school district (only when the verified address gives none)',
        body: z.object({ code: z.string().min(1).max(32) }),
        response: { 200: residentDistrictSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) =>
      chooseDistrict(db, {
        userId: requireViewer(request).userId,
        code: request.body.code,
        requestId: request.id,
      }),
  );
};
