import fastifyMultipart from '@fastify/multipart';
import { maxThumbnailUploadBytes } from '@kumamoto/domain';
import { z } from 'zod';
import type { App, Feature } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { problems } from '../../../platform/schemas.ts';
import { authorizeGroup } from './access.ts';
import { groupIdParams, imageResponse } from './schemas.ts';
import { readThumbnail, storeThumbnail } from './thumbnails.ts';

const tags = ['activities (organizer)'];

/** Thumbnails (R-ACT-2): uploaded by organizers, re-encoded without metadata, served to anyone. */
export const imageRoutes: Feature = (app, { db, clock }) => {
  // Multipart only inside this scope, so no other route accepts it.
  app.register(async (scope: App) => {
    // One byte over the limit marks the file truncated, so "too large" is told apart from "just fits".
    await scope.register(fastifyMultipart, {
      limits: { files: 1, fields: 0, fileSize: maxThumbnailUploadBytes },
    });
    scope.post(
      '/api/organizer/groups/:id/activity-images',
      {
        schema: {
          tags,
          summary: 'Upload a thumbnail (JPEG, PNG, WebP; at most 10 MB): stored as WebP, EXIF/GPS removed',
          consumes: ['multipart/form-data'],
          params: groupIdParams,
          response: { 201: imageResponse, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const viewer = await authorizeGroup(db, request, 'activity.manage', request.params.id);
        if (!request.isMultipart()) throw new AppError('unsupported_media_type');
        const file = await request.file({ throwFileSizeLimit: false });
        if (!file) throw new AppError('activity_image_type');
        const bytes = await file.toBuffer();
        const image = await storeThumbnail(db, {
          groupId: request.params.id,
          actorUserId: viewer.userId,
          bytes: new Uint8Array(bytes),
          truncated: file.file.truncated,
          now: clock.now(),
          requestId: request.id,
        });
        return reply.status(201).send(image);
      },
    );
  });

  app.get(
    '/api/activity-images/:id',
    {
      schema: {
        tags,
        summary: 'A thumbnail (public, WebP; never changes, so cached for a year)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.unknown().describe('image/webp'), ...problems(404) },
      },
    },
    async (request, reply) => {
      const image = await readThumbnail(db, request.params.id);
      if (!image) throw new AppError('not_found');
      return reply
        .header('content-type', image.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', `"${image.sha256}"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(image.bytes));
    },
  );
};
