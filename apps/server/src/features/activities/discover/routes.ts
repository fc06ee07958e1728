import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { activitySearchParamsSchema, icsContentType, pickLocale } from '@kumamoto/domain';
import { z } from 'zod';
import type { Feature } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { problems } from '../../../platform/schemas.ts';
import { activityDetail } from './activity-detail.ts';
import { activityCalendarFile, calendarContentDisposition } from './calendar.ts';
import { activityOpenGraph, withOpenGraph } from './open-graph.ts';
import { activityDetailSchema, activityIdParams, searchPageSchema, shareQuerySchema } from './schema.ts';
import { searchActivities } from './search-activities.ts';

const tags = ['activities'];

/**
 * The volunteer mini-app's reading side (issue 5 part 2, R-ACT-3): search, the detail page,
 * the calendar file, and link previews of the page. Public (`activity.browse`): a signed-out
 * visitor may look; the signed-in caller additionally sees their own application.
 */
export const discoverRoutes: Feature = (app, { db, clock, config }) => {
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary:
          'Search activities: keywords (partial Japanese words), dates, category, district, places, distance',
        querystring: activitySearchParamsSchema,
        response: { 200: searchPageSchema, ...problems(400) },
      },
    },
    (request) => searchActivities(db, request.query, clock.now()),
  );

  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity; 404 when not viewable (draft, or unlisted without its share link)',
        params: activityIdParams,
        querystring: shareQuerySchema,
        response: { 200: activityDetailSchema, ...problems(400, 404) },
      },
    },
    (request) =>
      activityDetail(db, {
        activityId: request.params.id,
        userId: request.viewer?.userId ?? null,
        share: request.query.share,
        now: clock.now(),
        publicUrl: config.publicUrl,
      }),
  );

  app.get(
    '/api/activities/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'The activity as an iCalendar file (RFC 5545) to add to a calendar',
        params: activityIdParams,
        querystring: shareQuerySchema,
        response: { 200: z.string(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await activityCalendarFile(db, {
        activityId: request.params.id,
        userId: request.viewer?.userId ?? null,
        share: request.query.share,
        now: clock.now(),
        locale: request.viewer?.locale ?? pickLocale(request.headers['accept-language']),
        publicUrl: config.publicUrl,
      });
      return reply
        .type(icsContentType)
        .header('content-disposition', calendarContentDisposition(fileName))
        .header('cache-control', 'private, no-cache')
        .send(body);
    },
  );

  // The activity page itself: the SPA's index.html, with a link preview (Open Graph) for a
  // public activity or an unlisted one opened through its link; otherwise the plain page.
  const indexFile = join(config.webDistDir, 'index.html');
  app.get(
    '/volunteer/activities/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().max(100) }),
        querystring: z.looseObject({ share: z.string().max(100).optional() }),
      },
    },
    async (request, reply) => {
      const indexHtml = await readFile(indexFile, 'utf8').catch(() => null);
      if (indexHtml === null) throw new AppError('not_found');
      const { id } = request.params;
      const og = z.uuid().safeParse(id).success
        ? await activityOpenGraph(db, {
            activityId: id,
            share: request.query.share,
            now: clock.now(),
            publicUrl: config.publicUrl,
          })
        : null;
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(og ? withOpenGraph(indexHtml, og) : indexHtml);
    },
  );
};
