/**
 * The local stack, one command:
 *   npm start   → emulators + demo data, until Ctrl-C
 *   npm test    → emulators, then every Jest suite against them, then everything stops; then the conformance
 *                 suite and the rules tests against the official emulator, where one is installed
 *
 * Firestore: the official emulator or ours (see lib/firestore-choice.ts). Auth and Functions: the
 * firebase-tools emulators, as they are. With our Firestore emulator, firebase-tools is started with the
 * `firebase-tools-bridge` preload, which registers our emulator in firebase-tools' emulator registry so
 * the Functions emulator registers its Firestore triggers with it (firebase-tools only does that for a
 * Firestore emulator it knows is running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { initializeApp, deleteApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { startEmulator, type RunningEmulator } from '@chat/firestore-emulator';
import { chooseFirestore, type FirestoreChoice } from './lib/firestore-choice';
import { runOfficialChecks } from './lib/official-checks';
import { functionsBundleProblem, functionsEmulatorParallel } from './lib/functions-emulator';
import { DEMO_USERS, seedDemoData } from './lib/demo-data';
import { hostPort, stackPorts, type StackPorts } from './lib/stack-ports';
import { stopTree } from './lib/process-tree';
import { localRelayUrl, startLocalRelay, type LocalRelay } from './lib/relay';
import { writeWebAppEnv } from './lib/web-app';

const ROOT = path.resolve(__dirname, '..');

// Everything stays on loopback. Google's auth library would otherwise probe the GCE metadata server
// (a link-local address) from every process that uses firebase-admin; the children inherit this.
process.env.METADATA_SERVER_DETECTION ??= 'none';
const PROJECT_ID = (
  JSON.parse(readFileSync(path.join(ROOT, '.firebaserc'), 'utf8')) as { projects: { default: string } }
).projects.default;

function say(line: string): void {
  process.stdout.write(`[stack] ${line}\n`);
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`firebase-tools exited (code ${child.exitCode}) before ${what} was ready.`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s.`);
}

async function main(): Promise<number> {
  const mode = process.argv[2];
  if (mode !== 'start' && mode !== 'test') {
    console.error('usage: stack.ts start | test [jest args...]');
    return 2;
  }
  const problem = functionsBundleProblem(ROOT);
  if (problem) {
    console.error(problem);
    return 1;
  }
  const offset = Number(process.env.STACK_PORT_OFFSET ?? (mode === 'test' ? 100 : 0));
  const ports = stackPorts(ROOT, offset);
  const apiUrl = `http://${hostPort(ports.functions)}/${PROJECT_ID}/us-central1/api`;
  const webUrl = `http://${hostPort(ports.hosting)}`;
  const relayUrl = localRelayUrl(offset);
  const { choice, why } = chooseFirestore();
  say(`Firestore emulator: ${choice} (${why}). Force one with FIRESTORE_EMULATOR=official|node.`);

  let nodeFirestore: RunningEmulator | undefined;
  let firebase: ChildProcess | undefined;
  let relay: LocalRelay | undefined; // the Socket.IO relay and its Redis (npm start only)
  let stopping: Promise<void> | undefined;
  // The relay first (it drains, then closes its Redis), then firebase-tools and every function runtime it
  // started, whatever state they are in, then our Firestore emulator. Every child runs in its own process
  // group, so a terminal's Ctrl-C reaches only this process, and this order holds.
  const stop = () =>
    (stopping ??= (async () => {
      say('Stopping…');
      await relay?.stop();
      if (firebase) await stopTree(firebase, { signal: 'SIGINT', graceMs: 15_000 });
      await nodeFirestore?.stop();
      say('Stopped.');
    })());

  try {
    // CI=true also stops firebase-tools fetching its message of the day from the internet.
    // FUNCTIONS_DISCOVERY_TIMEOUT: on a busy machine loading the functions codebase can take longer than
    // firebase-tools' default 30 s.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CI: process.env.CI ?? 'true',
      FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT ?? '180',
      FUNCTIONS_EMULATOR_PARALLEL: String(functionsEmulatorParallel()),
    };
    const firebaseArgs = [require.resolve('firebase-tools/lib/bin/firebase.js')];
    let only = 'auth,functions';
    // The web app (issue 11), served by the Hosting emulator once built (`npm run build` builds it).
    const web = writeWebAppEnv(ROOT, ports.webRoot, {
      apiUrl,
      relayUrl,
      authEmulatorUrl: `http://${hostPort(ports.auth)}`,
    });
    if (web) only += ',hosting';
    else say('web/dist is not built: the web app is not served (npm run build builds it).');
    if (choice === 'node') {
      nodeFirestore = await startEmulator({
        host: ports.firestore.host,
        port: ports.firestore.port,
        projectId: PROJECT_ID,
        functionsEmulatorHost: hostPort(ports.functions),
      });
      say(`Node Firestore emulator on ${nodeFirestore.hostAndPort}`);
      env.NODE_FIRESTORE_EMULATOR_HOST = nodeFirestore.hostAndPort;
      firebaseArgs.unshift('-r', require.resolve('@chat/firestore-emulator/dist/firebase-tools-bridge.js'));
    } else {
      only += ',firestore';
    }
    firebaseArgs.push(
      'emulators:start',
      '--only',
      only,
      '--project',
      PROJECT_ID,
      '--config',
      ports.configFile,
    );
    // Own process group, so Ctrl-C handling and cleanup reach the function runtimes it spawns too.
    firebase = spawn(process.execPath, firebaseArgs, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((line) => process.stdout.write(`[firebase] ${line}\n`));
    firebase.stdout?.on('data', prefix);
    firebase.stderr?.on('data', prefix);

    // A second Ctrl-C while stopping must not kill this process half-way and orphan the rest.
    const onSignal = (code: number) => () =>
      void stop().then(
        () => process.exit(code),
        (error: unknown) => {
          console.error(`[stack] ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    process.on('SIGINT', onSignal(130));
    process.on('SIGTERM', onSignal(143));

    await waitFor('the API function', async () => (await fetch(`${apiUrl}/ping`)).ok, 120_000, firebase);
    const emulatorEnv = {
      GCLOUD_PROJECT: PROJECT_ID,
      FIRESTORE_EMULATOR_HOST: hostPort(ports.firestore),
      FIREBASE_AUTH_EMULATOR_HOST: hostPort(ports.auth),
      API_URL: apiUrl,
      // Which Firestore emulator runs: the rules tests need the official one (ours does not evaluate rules).
      FIRESTORE_EMULATOR_KIND: choice,
      // The web app's browser tests: where it is served, and the offset their relay listens at.
      ...(web ? { WEB_URL: webUrl } : {}),
      STACK_PORT_OFFSET: String(offset),
    };
    Object.assign(process.env, emulatorEnv);

    if (mode === 'test') {
      const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(3)], {
        cwd: ROOT,
        env: { ...process.env, ...emulatorEnv },
        stdio: 'inherit',
      });
      const code = await new Promise<number>((resolve) => jest.once('exit', (c) => resolve(c ?? 1)));
      await stop();
      const official = await officialChecksAfter(choice, process.argv.slice(3));
      return code !== 0 ? code : official;
    }

    const app = initializeApp({ projectId: PROJECT_ID }, 'seed');
    await seedDemoData(getAuth(app), getFirestore(app));
    await deleteApp(app);
    // The Socket.IO relay (issue 5): Redis, then the relay, against the emulators.
    // The Hosting emulator's origin, and Vite's dev server (npm run dev --workspace web).
    const corsOrigins = [webUrl, 'http://localhost:5173', 'http://127.0.0.1:5173'];
    relay = await startLocalRelay({ root: ROOT, offset, emulatorEnv, say, corsOrigins });
    printWelcome(ports, apiUrl, relay.url, web ? webUrl : null);
    await new Promise(() => undefined); // until Ctrl-C
    return 0;
  } catch (error) {
    console.error(`[stack] ${error instanceof Error ? error.message : String(error)}`);
    await stop();
    return 1;
  }
}

/**
 * After a full run on our emulator, the conformance suite and the rules tests run again against the official
 * emulator where one is installed (lib/official-checks.ts), so nothing the official one decides is skipped.
 */
async function officialChecksAfter(choice: FirestoreChoice, jestArgs: string[]): Promise<number> {
  if (choice === 'official') return 0; // the main run already faced it
  if (process.env.FIRESTORE_OFFICIAL_CHECKS === 'off') {
    say('Official Firestore emulator checks skipped: FIRESTORE_OFFICIAL_CHECKS=off.');
    return 0;
  }
  if (jestArgs.length > 0) {
    say(
      'Official Firestore emulator checks skipped: Jest arguments narrow this run (npm run test:official runs them).',
    );
    return 0;
  }
  return runOfficialChecks({ root: ROOT, say });
}

function printWelcome(ports: StackPorts, apiUrl: string, relayUrl: string, webUrl: string | null): void {
  const lines = [
    '',
    'The local stack is up (project ' + PROJECT_ID + ', no cloud account involved):',
    `  Web app             ${webUrl ?? '(not built: run npm run build)'}  (sign in as alice@example.com / demo-password)`,
    `  Admin panel         ${webUrl ? `${webUrl}/admin` : '(not built: run npm run build)'}  (sign in as carol@example.com / demo-password)`,
    `  REST API            ${apiUrl}`,
    `  Firestore emulator  ${hostPort(ports.firestore)}`,
    `  Auth emulator       ${hostPort(ports.auth)}`,
    `  Socket.IO relay     ${relayUrl}  (namespaces /chat and /notifications)`,
    '',
    `Demo users (password "demo-password"): ${DEMO_USERS.map((u) => `${u.uid}${u.admin ? ' (admin)' : ''}`).join(', ')}`,
    'Get an ID token and call the API:',
    '  TOKEN=$(npm run -s token -- alice)',
    `  curl -H "Authorization: Bearer $TOKEN" ${apiUrl}/users/me`,
    '',
    'Ctrl-C stops everything.',
  ];
  lines.forEach((line) => say(line));
}

main().then((code) => process.exit(code));
