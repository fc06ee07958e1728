import { connect, type Socket } from 'node:net';

/**
 * A lean HTTP/1.1 client for the load benches: kept-alive sockets, one request at a time on
 * each (as a phone's browser would), and only the little of HTTP the app's JSON answers use
 * (a status line, headers, a Content-Length body). On a two-core machine the client shares
 * the cores with the server and PostgreSQL, as pgbench's C client does in the comparison, so a
 * heavy client (`fetch` costs several times more per request, `node:http` about twice) would
 * understate the server.
 */
export function leanClient(baseUrl: string, maxSockets: number) {
  const { hostname, port, host } = new URL(baseUrl);
  const idle: Connection[] = [];
  const all: Connection[] = [];
  const waiting: ((connection: Connection) => void)[] = [];

  const acquire = (): Promise<Connection> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.length < maxSockets) {
      const connection = new Connection(connect(Number(port), hostname));
      all.push(connection);
      return Promise.resolve(connection);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (connection: Connection) => {
    const next = waiting.shift();
    if (next) next(connection);
    else idle.push(connection);
  };

  return {
    async send(
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: string,
    ): Promise<{ status: number; json: unknown }> {
      const connection = await acquire();
      try {
        const payload = body === undefined ? '' : body;
        let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\n`;
        for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
        if (body !== undefined) {
          if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
            head += 'content-type: application/json\r\n';
          head += `content-length: ${Buffer.byteLength(payload)}\r\n`;
        }
        return await connection.exchange(`${head}\r\n${payload}`);
      } finally {
        release(connection);
      }
    },
    close: () => all.forEach((connection) => connection.socket.destroy()),
  };
}

/** One kept-alive socket and the answer it is reading. */
class Connection {
  readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: {
    resolve: (answer: { status: number; json: unknown }) => void;
    reject: (error: Error) => void;
  } | null = null;

  constructor(socket: Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.tryAnswer();
    });
    socket.on('error', (error) => this.pending?.reject(error));
    socket.on('close', () => this.pending?.reject(new Error('the server closed the connection')));
  }

  exchange(request: string): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  private tryAnswer(): void {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.pending) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (/\r\ntransfer-encoding: *chunked/i.test(head)) throw new Error('chunked answers are not read here');
    const end = headEnd + 4 + length;
    if (this.buffer.length < end) return;
    const text = this.buffer.toString('utf8', headEnd + 4, end);
    this.buffer = this.buffer.subarray(end);
    const { resolve } = this.pending;
    this.pending = null;
    resolve({ status, json: text ? (JSON.parse(text) as unknown) : null });
  }
}
