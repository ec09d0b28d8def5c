import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { Server } from 'socket.io';
import { AppError, createFeedRepositories, createServices, toErrorEnvelope, type LogSink } from '@chat/core';
import { LiveView } from './admin/live-view';
import { liveViewHttp } from './admin/live-view-http';
import { SessionKeeper } from './auth/session-keeper';
import type { RelayConfig } from './config';
import { HealthReport } from './health';
import { createLogs } from './logs';
import { ChatRooms } from './namespaces/chat-namespace';
import { NotificationRooms } from './namespaces/notification-namespace';
import { attachRedisAdapter, REQUESTS_TIMEOUT_MS, type RedisLink } from './redis';
import { authenticate } from './sockets/authenticate';
import { socketCap } from './sockets/socket-cap';
import {
  chatNamespace,
  notificationNamespace,
  type RelayNamespace,
  type RelayServer,
} from './sockets/socket-types';

export interface RelayDependencies {
  config: RelayConfig;
  auth: Auth;
  db: Firestore;
  log: LogSink;
}

export interface RelayStats {
  sockets: number;
  chatFeeds: number;
  notificationFeeds: number;
}

export interface Relay {
  io: RelayServer;
  httpServer: HttpServer;
  /** The port it listens on (the real one when the config asked for 0). */
  port: number;
  /** `http://localhost:<port>`: what a client on this machine connects to. */
  url: string;
  stats(): RelayStats;
  /**
   * Stop accepting connections, tell every client to reconnect (they do so on their own: the transport is
   * closed, not the namespace), close the Firestore listeners, the timers and Redis.
   */
  close(reason?: string): Promise<void>;
}

/**
 * Build and start the relay: an HTTP server (with `/healthz`) carrying Socket.IO, the `/chat` and
 * `/notifications` namespaces behind the auth middleware, and the Redis adapter when `config.redisUrl` is
 * set. Tests build it with this same function on port 0.
 */
export async function createRelay(deps: RelayDependencies): Promise<Relay> {
  const { config } = deps;
  const logs = createLogs(deps.log);
  let draining = false;
  let stats: () => RelayStats = () => ({ sockets: 0, chatFeeds: 0, notificationFeeds: 0 });

  let redis: RedisLink | undefined;
  const health = new HealthReport(logs, () => ({
    draining,
    redis: redis ? (redis.ready() ? 'up' : 'down') : 'none',
    ...stats(),
  }));
  // The admin live view is set once the namespaces exist; until then its path is a 404 like any other.
  let adminHttp: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
  const httpServer = createServer((req, res) => {
    if (!adminHttp(req, res)) handleHttp(req, res, health);
  });
  const io: RelayServer = new Server(httpServer, {
    maxHttpBufferSize: config.maxPayloadBytes,
    cors: {
      origin: config.corsOrigins.length > 0 ? config.corsOrigins : config.env !== 'production',
      credentials: true,
    },
    // Cloud Run ends every request at its timeout: clients reconnect and recover from Firestore, so Socket.IO's
    // in-memory connection-state recovery (one instance only) is not used.
    pingInterval: 25_000,
    pingTimeout: 20_000,
    serveClient: false,
  });

  if (config.redisUrl) redis = await attachRedisAdapter(io, config.redisUrl, logs);

  const chatNsp = chatNamespace(io);
  const notificationNsp = notificationNamespace(io);
  const namespaces = [chatNsp, notificationNsp] as unknown as RelayNamespace[];
  const refuseWhileDraining = (_socket: unknown, next: (err?: Error) => void) => {
    if (!draining) return next();
    const refusal = Object.assign(new Error('The relay is shutting down; reconnect.'), {
      data: toErrorEnvelope(AppError.unavailable('The relay is shutting down; reconnect.')).error,
    });
    next(refusal);
  };
  const auth = authenticate(deps.auth, logs);
  io.use(refuseWhileDraining);
  io.use((socket, next) => void auth(socket, next));
  for (const nsp of namespaces) {
    nsp.use(refuseWhileDraining);
    nsp.use((socket, next) => void auth(socket, next));
    nsp.use(socketCap(config.maxSocketsPerUser, logs));
  }

  const repositories = createFeedRepositories(deps.db);
  const sessions = new SessionKeeper(
    deps.auth,
    namespaces,
    logs,
    { revocationCheckMs: config.revocationCheckMs },
    repositories.revocations,
  );
  // The REST API's services, with the same send limit (counted in the same Firestore counters).
  const services = createServices(deps.db, deps.auth, { limits: config.rateLimits, log: deps.log });
  const chats = new ChatRooms({ nsp: chatNsp, services, repositories, sessions, logs, config });
  const notifications = new NotificationRooms({
    nsp: notificationNsp,
    notifications: repositories.notifications,
    sessions,
    logs,
    config,
  });
  const liveView = new LiveView({
    io,
    chat: chatNsp as unknown as RelayNamespace,
    notifications: notificationNsp as unknown as RelayNamespace,
    logs,
    clustered: redis !== undefined,
    requestsTimeoutMs: REQUESTS_TIMEOUT_MS,
  });
  adminHttp = liveViewHttp({
    auth: deps.auth,
    liveView,
    corsOrigins: config.corsOrigins,
    production: config.env === 'production',
  });
  stats = () => ({
    sockets: chatNsp.sockets.size + notificationNsp.sockets.size,
    chatFeeds: chats.activeFeeds,
    notificationFeeds: notifications.activeFeeds,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  logs.listening(port, redis ? 'redis' : 'memory');

  let closing: Promise<void> | undefined;
  const close = (reason = 'close') =>
    (closing ??= (async () => {
      draining = true;
      const sockets = stats().sockets;
      for (const nsp of namespaces) {
        nsp.local.emit('server:goodbye', {
          code: 'shutting-down',
          message: 'The relay is restarting; reconnect.',
          reconnect: true,
        });
      }
      logs.shuttingDown(reason, sockets);
      sessions.close();
      chats.close();
      notifications.close();
      // Closes the transports (clients see "transport close" and reconnect by themselves) and the HTTP server.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await chats.drained();
      await redis?.close();
    })());

  return { io, httpServer, port, url: `http://localhost:${port}`, stats: () => stats(), close };
}

function handleHttp(req: IncomingMessage, res: ServerResponse, health: HealthReport): void {
  if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
    const status = health.status();
    res.writeHead(status === 'ok' ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify({ status }));
    return;
  }
  // Socket.IO answers its own path before this handler runs; anything else is not ours.
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify(
      toErrorEnvelope(AppError.notFound(`No route for ${req.method} ${req.url?.split('?')[0]}.`)),
    ),
  );
}
