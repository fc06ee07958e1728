import fastifyMultipart from '@fastify/multipart';
import {
  activityFieldIds,
  activityFieldLabels,
  applicationItems,
  organizerCategories,
  checkEligibility,
  cityOfficeContact,
  coHostingGuidance,
  categoryIds,
  maxDocumentBytes,
} from '@kumamoto/domain';
import { z } from 'zod';
import type { App, Feature } from '../../platform/deps.ts';
import { authorize } from '../../platform/authorize.ts';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/schemas.ts';
import {
  createDraft,
  listOwnApplications,
  ownApplication,
  saveDraft,
  submitApplication,
  withdrawApplication,
} from './applications.ts';
import { readDocument, readDocumentAudited, storeDocument } from './documents.ts';
import { nameOf, organizerSettings } from './lifecycle-io.ts';
import {
  acceptInvitationByToken,
  createInvitation,
  callerRole,
  groupRoleOf,
  groupView,
  handOver,
  listInvitations,
  myGroups,
  previewInvitation,
  removeGroupMember,
  revokeInvitation,
} from './members.ts';
import {
  applicationSummarySchema,
  applicationViewSchema,
  draftBodySchema,
  groupViewSchema,
  reasonBodySchema,
} from './schemas.ts';
import { cityRoutes } from './city-routes.ts';
import { localizedFieldErrors } from './field-errors.ts';
import { mailNotices, type Outbox } from './notices.ts';
import { announceRightsPhases, groupHistory } from './group-lifecycle.ts';
import { groupLifecycleRoutes } from './group-routes.ts';

const tags = ['organizer'];
const idParams = z.object({ id: z.uuid() });

/**
 * The organizer mini-app's API (issue 4): eligibility and co-hosting guidance, applications
 * and their documents, the caller's groups, members and invitations. The city's side is in
 * `city-routes.ts`.
 */
export const organizerRoutes: Feature = (app, deps) => {
  const { db, clock, config } = deps;

  app.get(
    '/api/organizer/guidance',
    {
      schema: {
        tags,
        summary: 'Categories, application items and co-hosting guidance (R-ORG-1 … R-ORG-3)',
        response: { 200: z.looseObject({}), ...problems(401) },
      },
    },
    (request) => {
      authorize(request, 'organizer.open');
      return {
        categories: organizerCategories,
        items: applicationItems,
        activityFields: activityFieldIds.map((id) => ({ id, label: activityFieldLabels[id] })),
        coHosting: coHostingGuidance,
        contact: cityOfficeContact,
        memberLimit: organizerSettings.memberLimit,
        maxDocumentBytes,
      };
    },
  );

  app.post(
    '/api/organizer/eligibility',
    {
      schema: {
        tags,
        summary: 'May this group apply? If not, how it can co-host (R-ORG-1, R-ORG-2)',
        body: z.object({ category: z.enum([...categoryIds, 'none']), mainOfficeInCity: z.boolean() }),
        response: {
          200: z.object({ eligible: z.boolean(), reason: z.string().nullable() }),
          ...problems(400, 401, 403),
        },
      },
    },
    (request) => {
      authorize(request, 'organizer.open');
      const result = checkEligibility(request.body);
      return { eligible: result.eligible, reason: result.eligible ? null : result.reason };
    },
  );

  app.get(
    '/api/organizer/applications',
    {
      schema: {
        tags,
        summary: 'My applications',
        response: { 200: z.object({ items: z.array(applicationSummarySchema) }), ...problems(401) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.open');
      const rows = await listOwnApplications(db, viewer.userId);
      return {
        items: rows.map(({ details, ...row }) => ({
          ...row,
          name: nameOf(details),
          category: (details.category as string | null) ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/organizer/applications',
    {
      schema: {
        tags,
        summary: 'Start an application (saved as a draft; R-ORG-3, R-ORG-4)',
        body: draftBodySchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'organizer.apply');
      const id = await localizedFieldErrors(request, () =>
        createDraft(db, {
          userId: viewer.userId,
          draft: request.body,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/organizer/applications/:id',
    {
      schema: {
        tags,
        summary: 'One of my applications, with every round of its history',
        params: idParams,
        response: { 200: applicationViewSchema, ...problems(401, 404) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.open');
      return ownApplication(db, viewer.userId, request.params.id, clock.now());
    },
  );

  app.put(
    '/api/organizer/applications/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft or edit a returned application',
        params: idParams,
        body: draftBodySchema,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'organizer.apply');
      await localizedFieldErrors(request, () =>
        saveDraft(db, {
          userId: viewer.userId,
          id: request.params.id,
          draft: request.body,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizer/applications/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit (or resubmit after a return) for review',
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'organizer.apply');
      await localizedFieldErrors(request, () =>
        submitApplication(db, {
          userId: viewer.userId,
          id: request.params.id,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizer/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an open application',
        params: idParams,
        body: reasonBodySchema,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'organizer.open');
      await withdrawApplication(db, {
        userId: viewer.userId,
        id: request.params.id,
        reason: request.body.reason,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  // Uploads: multipart only inside this scope, so no other route accepts it.
  app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: maxDocumentBytes } });
    scope.post(
      '/api/organizer/documents',
      {
        schema: {
          tags,
          summary: 'Upload an officer list or bylaws (PDF, JPEG, PNG, WebP; at most 10 MB)',
          consumes: ['multipart/form-data'],
          response: {
            201: z.object({
              id: z.uuid(),
              fileName: z.string(),
              mediaType: z.string(),
              size: z.number().int(),
            }),
            ...problems(400, 401, 403, 413, 415),
          },
        },
      },
      async (request, reply) => {
        const viewer = authorize(request, 'organizer.apply');
        if (!request.isMultipart()) throw new AppError('unsupported_media_type');
        const file = await request.file({ throwFileSizeLimit: false });
        if (!file) throw new AppError('organizer_document_empty');
        const bytes = await file.toBuffer();
        const ref = await storeDocument(db, {
          ownerUserId: viewer.userId,
          fileName: file.filename,
          bytes: new Uint8Array(bytes),
          truncated: file.file.truncated,
          now: clock.now(),
        });
        return reply.status(201).send(ref);
      },
    );
  });

  app.get(
    '/api/organizer/documents/:id',
    {
      schema: {
        tags,
        summary: 'A document: to its uploader, or to city staff (audited, R-PRIV-1)',
        params: idParams,
        querystring: z.object({ application: z.uuid().optional() }),
        response: {
          200: z.unknown().describe('The file, with its sniffed media type'),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'organizer.open');
      const isStaff = viewer.roles.includes('city_reviewer') || viewer.roles.includes('city_admin');
      const own = await readDocument(db, request.params.id);
      if (!own) throw new AppError('not_found');
      const row =
        own.ownerUserId === viewer.userId
          ? own
          : isStaff
            ? await readDocumentAudited(db, {
                id: request.params.id,
                actorUserId: viewer.userId,
                requestId: request.id,
                applicationId: request.query.application ?? null,
              })
            : null;
      if (!row) throw new AppError('not_found');
      return reply
        .header('content-type', row.mediaType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(row.content));
    },
  );

  app.get(
    '/api/organizer/groups',
    {
      schema: {
        tags,
        summary: 'The groups I administer or belong to',
        response: { 200: z.object({ items: z.array(groupViewSchema) }), ...problems(401) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.open');
      // No job runs at the year end: the renewal window and lapse are announced here (R-ORG-6).
      const outbox: Outbox = [];
      await announceRightsPhases(db, viewer.userId, clock.now(), outbox);
      await mailNotices(db, config, outbox, request.log);
      return { items: await myGroups(db, viewer.userId, clock.now()) };
    },
  );

  app.get(
    '/api/organizer/groups/:id',
    {
      schema: {
        tags,
        summary: 'One of my groups',
        params: idParams,
        response: { 200: groupViewSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.open');
      const role = await groupRoleOf(db, request.params.id, viewer.userId);
      if (!role) throw new AppError('not_found');
      const view = await groupView(
        db,
        request.params.id,
        role === 'admin' ? 'group_admin' : 'group_member',
        clock.now(),
      );
      return { ...view, role, history: await groupHistory(db, view.id, 'group') };
    },
  );

  app.post(
    '/api/organizer/groups/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a member by link / QR (R-ORG-7)',
        params: idParams,
        response: {
          201: z.object({ token: z.string(), url: z.string(), expiresAt: z.date() }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const role = await callerRole(db, request.params.id, request.viewer?.userId);
      const viewer = authorize(request, 'organizer.manage_group', role);
      const { token, expiresAt } = await createInvitation(db, {
        groupId: request.params.id,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
      const url = new URL(`/organizer#join=${token}`, config.publicUrl).toString();
      return reply.status(201).send({ token, url, expiresAt });
    },
  );

  app.get(
    '/api/organizer/groups/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations of the group (never their tokens)',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                createdAt: z.date(),
                expiresAt: z.date(),
                usedAt: z.date().nullable(),
                revokedAt: z.date().nullable(),
              }),
            ),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const role = await callerRole(db, request.params.id, request.viewer?.userId);
      authorize(request, 'organizer.manage_group', role);
      return { items: await listInvitations(db, request.params.id) };
    },
  );

  app.delete(
    '/api/organizer/groups/:id/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Revoke an unused invitation',
        params: z.object({ id: z.uuid(), invitationId: z.uuid() }),
        response: { 204: z.null(), ...problems(401, 403, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      const role = await callerRole(db, request.params.id, request.viewer?.userId);
      const viewer = authorize(request, 'organizer.manage_group', role);
      await revokeInvitation(db, {
        groupId: request.params.id,
        invitationId: request.params.invitationId,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  const tokenParams = z.object({ token: z.string().regex(/^[\w-]{43}$/) });

  app.get(
    '/api/organizer/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation is for, before accepting it',
        params: tokenParams,
        response: {
          200: z.object({
            groupName: z.string(),
            expiresAt: z.date(),
            usable: z.boolean(),
            problem: z.string().nullable(),
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      authorize(request, 'organizer.open');
      return previewInvitation(db, request.params.token, clock.now());
    },
  );

  app.post(
    '/api/organizer/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Join the group (verified residents only; R-ORG-7)',
        params: tokenParams,
        response: { 200: z.object({ groupId: z.uuid() }), ...problems(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.become_member');
      return acceptInvitationByToken(db, {
        token: request.params.token,
        userId: viewer.userId,
        identity: viewer.identity,
        now: clock.now(),
        requestId: request.id,
      });
    },
  );

  app.delete(
    '/api/organizer/groups/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (administrator) or leave the group (member)',
        params: z.object({ id: z.uuid(), userId: z.uuid() }),
        response: { 204: z.null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const role = await callerRole(db, request.params.id, request.viewer?.userId);
      const leaving = request.viewer?.userId === request.params.userId;
      const viewer = leaving
        ? authorize(request, 'organizer.open')
        : authorize(request, 'organizer.manage_group', role);
      if (!role) throw new AppError('not_found');
      await removeGroupMember(db, {
        groupId: request.params.id,
        userId: request.params.userId,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizer/groups/:id/administrator',
    {
      schema: {
        tags,
        summary: 'Hand the administrator role to a member',
        params: idParams,
        body: z.object({ userId: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const role = await callerRole(db, request.params.id, request.viewer?.userId);
      const viewer = authorize(request, 'organizer.manage_group', role);
      await handOver(db, {
        groupId: request.params.id,
        toUserId: request.body.userId,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  cityRoutes(app, deps);
  groupLifecycleRoutes(app, deps);
};
