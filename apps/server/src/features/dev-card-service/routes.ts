import type { IncomingMessage } from 'node:http';
import type { Feature } from '../../platform/deps.ts';
import { devCardServicePath } from './bundled-client.ts';
import { registerInteractions } from './interactions.ts';
import { createDevCardService, type DevCardService } from './provider.ts';
import { cardServiceCss } from './styles.ts';

/**
 * The bundled development card service, mounted at /dev-card-service of this same server when
 * DEV_CARD_SERVICE is on (the default outside production; config.ts refuses it in production).
 * The relying party reaches it over HTTP at PUBLIC_URL/dev-card-service, exactly as it reaches a
 * real card service, so the demo and the tests go through the same adapter.
 *
 * Its pages get the app's strict CSP unchanged: they are rendered here without inline script or
 * style, and the provider never needs its own (we do not use `form_post`, whose auto-submitting
 * page would need an inline script, and we render its error page ourselves).
 */
export const devCardServiceRoutes: Feature = (app, { config }) => {
  if (!config.devCardService) return;
  let started:
    Promise<DevCardService & { handle: ReturnType<DevCardService['provider']['callback']> }> | undefined;
  // Started on first use: most test apps never need it, and its keys take a moment to generate.
  const service = () => {
    started ??= createDevCardService(config, app.log).then(
      (created) => ({ ...created, handle: created.provider.callback() }),
      (error: unknown) => {
        started = undefined;
        throw error;
      },
    );
    return started;
  };

  // Everything oidc-provider answers itself: discovery, JWKS, authorize, token, userinfo.
  void app.register((scope, _options, done) => {
    // Leave request bodies unread: oidc-provider reads them from the raw request.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.route({
      method: ['GET', 'POST'],
      url: `${devCardServicePath}/*`,
      schema: { hide: true },
      handler: async (request, reply) => {
        const { handle } = await service();
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        // Mounted under a path: the provider routes on the rest, and builds URLs from the original.
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '/').slice(devCardServicePath.length) || '/';
        await handle(raw, reply.raw);
      },
    });
    done();
  });

  void app.register((scope, _options, done) => {
    registerInteractions(scope, service, `${config.publicUrl}/verify`);
    scope.get(`${devCardServicePath}/assets/card.css`, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(cardServiceCss),
    );
    done();
  });
};
