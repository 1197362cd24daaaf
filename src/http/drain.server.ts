// Serves the app and drains it on shutdown without losing a request:
// 1. stop accepting connections (the listening socket closes; open keep-alive connections stay),
// 2. every response from then on (including those of requests already in flight) says `Connection: close`,
//    so each keep-alive client learns after its next answer that this connection ends,
// 3. wait until no request is in flight and none has arrived for a short grace period, then close the
//    connections still idle (closing them at once would race with a request a client is sending on one).
// `http.Server#close()` would close idle keep-alive sockets immediately (Node ≥ 19), hence net.Server#close.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { getRequestListener } from '@hono/node-server';

type Fetch = (request: Request) => Response | Promise<Response>;
type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface DrainableServer {
  server: Server;
  /** True from the start of drain(): /readyz answers 503 so a balancer stops sending traffic. */
  isDraining(): boolean;
  /** Requests being answered right now. */
  inFlight(): number;
  /**
   * Stops accepting, lets every request in flight finish, closes the connections; resolves true when all
   * ended, false when `timeoutMs` passed first (the remaining connections are then destroyed).
   */
  drain(opts?: { idleGraceMs?: number; timeoutMs?: number }): Promise<boolean>;
}

export function serveDrainable(
  options: { fetch: Fetch; port: number; hostname: string },
  onListening: () => void,
): DrainableServer {
  const active = new Set<ServerResponse>();
  let draining = false;
  let lastActivity = Date.now();
  const track =
    (listener: Listener): Listener =>
    (req, res) => {
      active.add(res);
      lastActivity = Date.now();
      res.on('close', () => {
        active.delete(res);
        lastActivity = Date.now();
      });
      if (draining) res.setHeader('Connection', 'close');
      listener(req, res);
    };
  // What @hono/node-server's serve() does, with the request tracking around its listener.
  const listener = getRequestListener(options.fetch, { hostname: options.hostname });
  const server = createServer(track((req, res) => void listener(req, res)));
  server.listen(options.port, options.hostname, onListening);

  const drain: DrainableServer['drain'] = async ({ idleGraceMs = 500, timeoutMs = 12_000 } = {}) => {
    draining = true;
    for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (active.size > 0 || Date.now() - lastActivity < idleGraceMs)) {
      await new Promise((r) => setTimeout(r, 25));
    }
    server.closeIdleConnections();
    const ended = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), Math.max(0, deadline - Date.now())).unref()),
    ]);
    if (!ended) server.closeAllConnections();
    return ended && active.size === 0;
  };
  return { server, isDraining: () => draining, inFlight: () => active.size, drain };
}
