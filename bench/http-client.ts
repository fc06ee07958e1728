import { Agent, request } from 'node:http';

/**
 * A lean HTTP client for the load benches: node:http over kept-alive sockets. `fetch` costs
 * the client several times more CPU per request, and on a two-core machine the client shares
 * the cores with the server and PostgreSQL, so a heavy client would understate the server.
 */
export function leanClient(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    send(
      method: string,
      url: string,
      headers: Record<string, string>,
      body?: string,
    ): Promise<{ status: number; json: unknown }> {
      return new Promise((resolve, reject) => {
        const req = request(url, { method, agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : null });
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
