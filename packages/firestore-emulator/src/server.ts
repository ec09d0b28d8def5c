import * as grpc from '@grpc/grpc-js';
import * as http from 'http';
import * as net from 'net';
import { createHttpHandler } from './http';
import { createListenHandler, withPreEncodedListen } from './listen';
import { firestoreService } from './protos';
import { createFirestoreService } from './service';
import { Store } from './store';
import { TriggerDispatcher } from './triggers';

/**
 * One port for everything, like the official emulator: gRPC (HTTP/2 with prior knowledge, as the SDK
 * speaks it) and the HTTP/1.1 emulator endpoints (clear data, trigger registration). A `net.Server`
 * reads the first bytes of each connection: the HTTP/2 preface ("PRI * HTTP/2.0") goes to grpc-js
 * through its connection injector, anything else to a `http.Server`.
 */

export interface EmulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8080 */
  port?: number;
  /** Only named in logs; the emulator serves every project. @default 'demo-project' */
  projectId?: string;
  /** NO_CHANGE keep-alive interval of idle Listen streams. @default 30000 */
  keepAliveMs?: number;
  /**
   * host:port of the Functions emulator, where trigger events go.
   * @default process.env.FUNCTIONS_EMULATOR_HOST
   */
  functionsEmulatorHost?: string;
  /** Receives one line per notable event (trigger registrations, delivery failures). @default no logging */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  host: string;
  port: number;
  /** "127.0.0.1:8080", the value for FIRESTORE_EMULATOR_HOST. */
  hostAndPort: string;
  store: Store;
  /** Deletes the documents of one project's default database, or of every project; fires no triggers. */
  clear(projectId?: string): void;
  /** Closes the port, every connection and stream, and waits for trigger deliveries under way. */
  stop(): Promise<void>;
}

/** Firestore's request limit; larger requests fail with INVALID_ARGUMENT, as in production. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** Above this grpc-js itself refuses the message (RESOURCE_EXHAUSTED); in between we answer INVALID_ARGUMENT. */
const MAX_RECEIVE_BYTES = 32 * 1024 * 1024;

/** Starts the emulator; resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 8080,
    projectId: options.projectId ?? 'demo-project',
    keepAliveMs: options.keepAliveMs ?? 30_000,
    functionsEmulatorHost: options.functionsEmulatorHost ?? process.env.FUNCTIONS_EMULATOR_HOST,
    log: options.log ?? (() => undefined),
  };
  const store = new Store();
  const triggers = new TriggerDispatcher(store, {
    functionsEmulatorHost: config.functionsEmulatorHost,
    log: config.log,
  });

  const grpcServer = new grpc.Server({
    'grpc.max_receive_message_length': MAX_RECEIVE_BYTES,
    'grpc.max_send_message_length': -1,
  });
  grpcServer.addService(
    ...limitRequestSize(withPreEncodedListen(firestoreService), {
      ...createFirestoreService(store),
      Listen: createListenHandler(store, { keepAliveMs: config.keepAliveMs }),
    }),
  );
  const injector = grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const httpServer = http.createServer(createHttpHandler({ store, triggers, log: config.log }));

  const sockets = new Set<net.Socket>();
  const netServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    routeConnection(socket, (prefix) => {
      // Both servers take the socket with its first bytes pushed back. Node's HTTP/2 session reads
      // what is already buffered itself, and resuming first would lose those bytes. The HTTP/1.1 server
      // needs the resume.
      socket.unshift(prefix);
      if (isHttp2Preface(prefix)) {
        injector.injectConnection(socket);
      } else {
        httpServer.emit('connection', socket);
        socket.resume();
      }
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      netServer.once('error', reject);
      netServer.listen(config.port, config.host, () => {
        netServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // e.g. EADDRINUSE: release what was set up, so a failed start leaves nothing running.
    grpcServer.forceShutdown();
    injector.destroy();
    await triggers.close();
    throw err;
  }
  const port = (netServer.address() as net.AddressInfo).port;
  const hostAndPort = config.host.includes(':') ? `[${config.host}]:${port}` : `${config.host}:${port}`;
  config.log(
    `Firestore emulator listening on ${hostAndPort} (project ${config.projectId}; trigger events go to ` +
      `${config.functionsEmulatorHost || 'no Functions emulator yet'}; Listen keep-alive ${config.keepAliveMs} ms)`,
  );

  let stopping: Promise<void> | undefined;
  return {
    host: config.host,
    port,
    hostAndPort,
    store,
    clear: (projectId) =>
      triggers.withoutDelivery(() =>
        store.clear(projectId ? `projects/${projectId}/databases/(default)` : undefined),
      ),
    stop: () =>
      (stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => netServer.close(() => resolve()));
        grpcServer.forceShutdown();
        injector.destroy();
        httpServer.closeAllConnections();
        httpServer.close();
        for (const socket of sockets) socket.destroy();
        await triggers.close();
        await closed;
      })()),
  };
}

/** Waits for enough bytes to tell an HTTP/2 preface from an HTTP/1.1 request line. */
function routeConnection(socket: net.Socket, route: (prefix: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    buffered = Buffer.concat([buffered, chunk]);
    if (buffered.length < 3) return;
    socket.off('data', onData);
    socket.pause();
    route(buffered);
  };
  socket.on('data', onData);
}

const isHttp2Preface = (prefix: Buffer): boolean => prefix.subarray(0, 3).toString('latin1') === 'PRI';

const OVERSIZED = Symbol('oversized request');

interface OversizedRequest {
  [OVERSIZED]: number;
}

const isOversized = (request: unknown): request is OversizedRequest =>
  typeof request === 'object' && request !== null && OVERSIZED in request;

/**
 * Requests over 10 MiB fail with INVALID_ARGUMENT, as in production. grpc-js alone would answer
 * RESOURCE_EXHAUSTED, which the SDK retries for Commit, so unary and server-streaming requests are
 * measured while deserializing, marked, and answered here before they reach the engine.
 */
function limitRequestSize(
  service: grpc.ServiceDefinition,
  implementation: grpc.UntypedServiceImplementation,
): [grpc.ServiceDefinition, grpc.UntypedServiceImplementation] {
  const limitedService: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  const limitedImplementation: grpc.UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(service)) {
    limitedService[name] = method;
    const handler = implementation[name];
    if (method.requestStream || !handler) continue;
    limitedService[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) =>
        bytes.length > MAX_REQUEST_BYTES
          ? ({ [OVERSIZED]: bytes.length } satisfies OversizedRequest)
          : method.requestDeserialize(bytes),
    };
    if (method.responseStream) {
      const streaming = handler as grpc.handleServerStreamingCall<unknown, unknown>;
      limitedImplementation[name] = ((call: grpc.ServerWritableStream<unknown, unknown>) => {
        if (isOversized(call.request)) call.emit('error', tooLarge(call.request));
        else streaming(call);
      }) as grpc.UntypedHandleCall;
    } else {
      const unary = handler as grpc.handleUnaryCall<unknown, unknown>;
      limitedImplementation[name] = ((
        call: grpc.ServerUnaryCall<unknown, unknown>,
        callback: grpc.sendUnaryData<unknown>,
      ) => {
        if (isOversized(call.request)) callback(tooLarge(call.request));
        else unary(call, callback);
      }) as grpc.UntypedHandleCall;
    }
  }
  return [limitedService, limitedImplementation];
}

function tooLarge(request: OversizedRequest): grpc.StatusObject {
  return {
    code: grpc.status.INVALID_ARGUMENT,
    details: `Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes (got ${request[OVERSIZED]}).`,
    metadata: new grpc.Metadata(),
  };
}
