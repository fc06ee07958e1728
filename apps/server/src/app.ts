import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import helmet from 'helmet';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App, AppDeps, Feature } from './platform/deps.ts';
import { registerErrorHandling } from './platform/errors.ts';
import { loggerOptions } from './platform/logger.ts';
import { registerSessions } from './platform/session.ts';
import { registerWebApp } from './platform/web-app.ts';
import { accountRoutes } from './features/account/routes.ts';
import { demoRoutes } from './features/demo/routes.ts';
import { devCardServiceRoutes } from './features/dev-card-service/routes.ts';
import { emailCodeRoutes } from './features/email-code/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { oidcRoutes } from './features/identity/oidc/routes.ts';
import { identityConflictRoutes } from './features/identity/conflicts/routes.ts';
import { identityProfileRoutes } from './features/identity/profile-routes.ts';
import { jpkiRoutes } from './features/identity/jpki/routes.ts';
import { devMailRoutes } from './features/mail/routes.ts';
import { miniAppRoutes } from './features/miniapps/routes.ts';
import { notificationRoutes } from './features/notifications/routes.ts';
import { organizerRoutes } from './features/organizer/routes.ts';
import { checkInRoutes } from './features/check-in/routes.ts';
import { pointsRoutes } from './features/points/routes.ts';
import { certificateRoutes } from './features/certificates/routes.ts';
import { applyRoutes } from './features/activities/apply/routes.ts';
import { discoverRoutes } from './features/activities/discover/routes.ts';
import { activityOrganizerRoutes } from './features/activities/organizer/routes.ts';
import { schoolDistrictRoutes } from './features/school-districts/routes.ts';
import { passkeyRoutes } from './features/passkeys/routes.ts';
import { sessionRoutes } from './features/session/routes.ts';
import { sessionListRoutes } from './features/sessions/routes.ts';

/** Every feature, in one list: adding a capability means adding its routes here. */
const features: Feature[] = [
  healthRoutes,
  sessionRoutes,
  accountRoutes,
  demoRoutes,
  miniAppRoutes,
  notificationRoutes,
  identityProfileRoutes,
  identityConflictRoutes,
  oidcRoutes,
  devCardServiceRoutes,
  passkeyRoutes,
  sessionListRoutes,
  emailCodeRoutes,
  devMailRoutes,
  jpkiRoutes,
  schoolDistrictRoutes,
  organizerRoutes,
  checkInRoutes,
  pointsRoutes,
  certificateRoutes,
  discoverRoutes,
  applyRoutes,
  activityOrganizerRoutes,
];

/**
 * Strict CSP for the PWA: nothing inline, nothing from other origins. `wasm-unsafe-eval`
 * lets the QR reader's WebAssembly (served by us) compile.
 */
const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    mediaSrc: ["'self'", 'blob:', 'mediastream:'],
    manifestSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    upgradeInsecureRequests: null,
  },
};

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  // Helmet's headers are computed once here; the Fastify plugin would rebuild them per request.
  const securityHeaders = helmet({
    contentSecurityPolicy,
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.session.secureCookie,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'くまもとアプリ API / Kumamoto App API',
        version: '0.1.0',
        description:
          'Errors are RFC 9457 problem+json with a stable `code`. Writes need the `x-csrf-token` header.',
      },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  registerSessions(app, deps);
  for (const feature of features) feature(app, deps);
  await registerWebApp(app, config.webDistDir);
  return app;
}
