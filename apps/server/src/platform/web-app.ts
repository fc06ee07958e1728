import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from './deps.ts';
import { sendProblem } from './errors.ts';

/**
 * Serves the built PWA and answers every other GET that is not an API call with its
 * index.html, so deep links (and code URLs opened by a phone's camera) reach the app.
 * Hashed assets are cached for a year; the shell and the service worker never are.
 */
export async function registerWebApp(app: App, distDir: string): Promise<void> {
  const hasDist = existsSync(join(distDir, 'index.html'));
  if (hasDist) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        const immutable = path.startsWith(join(distDir, 'assets'));
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn({ distDir }, 'web app not built: run `npm run build` to serve it');
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|healthz|readyz|metrics)(\/|$|\?)/.test(request.url);
    const wantsPage =
      request.method === 'GET' && !isApi && !/\.[a-z0-9]+(\?|$)/i.test(request.url.split('?')[0] ?? '');
    if (hasDist && wantsPage) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return sendProblem(reply, 'not_found');
  });
}
