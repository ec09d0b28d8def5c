/**
 * Preload for the firebase-tools CLI that makes it treat our already-running Node Firestore emulator as
 * its own Firestore emulator:
 *
 *   NODE_FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 \
 *   node -r @chat/firestore-emulator/dist/firebase-tools-bridge.js \
 *     node_modules/firebase-tools/lib/bin/firebase.js emulators:start --only auth,functions --project demo-chat
 *
 * Why: the Functions emulator registers Firestore triggers only when
 * `EmulatorRegistry.isRunning('firestore')` (functionsEmulator.js, addFirestoreTrigger), and that is only
 * true for a Firestore emulator firebase-tools launched itself. This preload registers an
 * EmulatorInstance for 'firestore' that points at our emulator, so that, unchanged, firebase-tools:
 *   - POSTs each 2nd-gen trigger to our `/emulator/v1/projects/{p}/eventarcTrigger?eventarcTriggerId=…`;
 *   - sets FIRESTORE_EMULATOR_HOST for the function runtimes (env.js, setEnvVarsForEmulators);
 *   - lists us in the Emulator Hub and its start-up table.
 * Our instance's connect() (run by the controller after every emulator has started) then tells our
 * emulator where the Functions emulator listens: `PUT /emulator/v1/functionsEmulatorHost`, so events
 * can be delivered without repeating the port anywhere.
 *
 * firebase-tools internals this relies on (checked against firebase-tools 15.34.2):
 *   - lib/emulator/registry.js: `EmulatorRegistry.start(instance)` stores the instance synchronously, then
 *     awaits `instance.start()` and `portUtils.waitForPortUsed(info.port, info.host, info.timeout)`;
 *     `isRunning(name)` is a map lookup; `stopAll()` calls `stop()` on every instance (Ctrl-C).
 *   - lib/emulator/controller.js (startAll): calls `connect()` on every running instance after startup,
 *     and only starts the emulators named by --only, so it never starts or checks a Firestore it did not
 *     choose (do not add firestore to --only).
 *   - The registry module must be the CLI's own instance: it is resolved from the CLI script's location.
 * Not supported through the bridge: --import/--export-on-exit of Firestore data (firebase-tools would
 * call the official emulator's export API).
 *
 * The bridge stays inert unless NODE_FIRESTORE_EMULATOR_HOST is set and the main script is the
 * firebase-tools CLI, so a preload that leaks into child processes (e.g. via NODE_OPTIONS) does nothing.
 */
import * as http from 'http';
import * as path from 'path';

/** The parts of firebase-tools' EmulatorInstance (lib/emulator/types.js) the registry uses. */
interface EmulatorInstance {
  start(): Promise<void>;
  connect(): Promise<void>;
  stop(): Promise<void>;
  getInfo(): { name: string; host: string; port: number; pid?: number; timeout?: number };
  getName(): string;
}

interface EmulatorRegistryModule {
  EmulatorRegistry: {
    start(instance: EmulatorInstance): Promise<void>;
    isRunning(name: string): boolean;
    getInfo(name: string): { host: string; port: number } | undefined;
  };
}

const FIRESTORE = 'firestore';
const FUNCTIONS = 'functions';

function say(line: string): void {
  process.stderr.write(`[firestore-bridge] ${line}\n`);
}

/** host:port → parts; accepts "[::1]:8080". */
export function parseHostAndPort(value: string): { host: string; port: number } {
  const match = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(value.trim());
  if (!match) throw new Error(`NODE_FIRESTORE_EMULATOR_HOST must be host:port, got "${value}"`);
  return { host: match[1], port: Number(match[2]) };
}

const formatHost = (host: string, port: number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

function request(
  method: string,
  target: { host: string; port: number },
  requestPath: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.host,
        port: target.port,
        method,
        path: requestPath,
        timeout: 5000,
        headers: payload
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** How long firebase-tools waits for our emulator: its first answer, then its port. */
const BRIDGE_WAIT_MS = 60_000;

/** Waits until our emulator answers `GET /` with "Ok". */
async function waitUntilHealthy(target: { host: string; port: number }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const res = await request('GET', target, '/');
      if (res.status === 200 && res.text.trim() === 'Ok') return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `the Node Firestore emulator at ${formatHost(target.host, target.port)} (NODE_FIRESTORE_EMULATOR_HOST) ` +
          `is not answering (${last}); start it before firebase-tools`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The 'firestore' instance firebase-tools sees: it only points at our emulator, which runs elsewhere. */
export function createBridgeInstance(
  target: { host: string; port: number },
  registry: EmulatorRegistryModule['EmulatorRegistry'],
): EmulatorInstance {
  return {
    getName: () => FIRESTORE,
    // firebase-tools checks the port once `start` resolves, for up to `timeout`: 10 s failed a loaded CI run
    // right after our own check had passed, so it gets the same 60 s.
    getInfo: () => ({ name: FIRESTORE, host: target.host, port: target.port, timeout: BRIDGE_WAIT_MS }),
    // Our emulator is started before firebase-tools. On a loaded machine (a CI runner, two stacks side by
    // side) its first answer can take seconds, so the bridge waits a while before it fails with its own
    // message rather than letting the Functions emulator trip over a missing Firestore. 20 s was seen to
    // fail twice in a row at a load average of 50-80 on 2 cores (eight stacks and their suites side by side).
    start: () => waitUntilHealthy(target, BRIDGE_WAIT_MS),
    connect: async () => {
      const functions = registry.getInfo(FUNCTIONS);
      if (!functions) return;
      const host = formatHost(functions.host, functions.port);
      const res = await request('PUT', target, '/emulator/v1/functionsEmulatorHost', { host });
      if (res.status !== 200)
        throw new Error(
          `could not tell the Firestore emulator about ${host}: HTTP ${res.status} ${res.text}`,
        );
      say(`Firestore trigger events go to the Functions emulator at ${host}`);
    },
    // The emulator belongs to whoever started it; firebase-tools' Ctrl-C must not stop it.
    stop: async () => undefined,
  };
}

/** firebase-tools' own registry module: the copy next to the CLI script that is being run. */
function loadRegistry(cliScript: string): EmulatorRegistryModule {
  const resolved = require.resolve('firebase-tools/lib/emulator/registry', {
    paths: [path.dirname(cliScript), process.cwd()],
  });
  // A path known only at run time (the CLI being run decides which firebase-tools copy), so a require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(resolved) as EmulatorRegistryModule;
}

function isFirebaseCli(script: string | undefined): script is string {
  if (!script) return false;
  const normalized = script.split(path.sep).join('/');
  return (
    /firebase-tools\/lib\/bin\/firebase(\.js)?$/.test(normalized) || /\/\.bin\/firebase$/.test(normalized)
  );
}

function install(): void {
  const hostAndPort = process.env.NODE_FIRESTORE_EMULATOR_HOST;
  const cliScript = process.argv[1];
  if (!hostAndPort || !isFirebaseCli(cliScript)) return;
  let target: { host: string; port: number };
  let registry: EmulatorRegistryModule['EmulatorRegistry'];
  try {
    target = parseHostAndPort(hostAndPort);
    registry = loadRegistry(cliScript).EmulatorRegistry;
  } catch (err) {
    say(`cannot bridge: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  if (registry.isRunning(FIRESTORE)) return;
  registry.start(createBridgeInstance(target, registry)).then(
    () => say(`firebase-tools uses the Node Firestore emulator at ${hostAndPort}`),
    (err: unknown) => {
      // Without it every trigger and every function's Firestore access would fail later and quietly.
      say(`cannot bridge: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

install();
