/**
 * Google's Firestore emulator, run from a copy already on this machine (no download): the Cloud SDK's
 * `cloud-firestore-emulator` component, or the jar firebase-tools keeps in its cache once it has fetched it.
 * It needs a Java 21 or newer, which need not be the `java` on PATH.
 *
 * Where to look can be forced with FIRESTORE_EMULATOR_JAR (a cloud-firestore-emulator jar) and JAVA_HOME.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A Java runtime and the emulator jar, with the arguments that launch it. */
export interface OfficialFirestoreInstall {
  java: string;
  javaVersion: number;
  jar: string;
  /** The JVM arguments that start the jar (the Cloud SDK jar has no Main-Class, firebase-tools' one has). */
  launch: string[];
}

export type OfficialFirestoreLookup =
  | { found: true; install: OfficialFirestoreInstall }
  | { found: false; why: string };

const SDK_COMPONENT = path.join('platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
const SDK_MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const MIN_JAVA = 21;

/** The major version `<java> -version` reports, or null when it does not run. */
export function javaMajorVersion(java = 'java'): number | null {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match?.[1]) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] ? Number(match[2]) : major;
}

function childDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() || d.isSymbolicLink())
      .map((d) => path.join(dir, d.name));
  } catch {
    return [];
  }
}

/** Java runtimes in the usual places: JAVA_HOME, PATH, then the Linux and macOS JVM directories. */
function javaCandidates(): string[] {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  for (const jvm of childDirs('/usr/lib/jvm')) candidates.push(path.join(jvm, 'bin', 'java'));
  for (const jvm of childDirs('/Library/Java/JavaVirtualMachines'))
    candidates.push(path.join(jvm, 'Contents', 'Home', 'bin', 'java'));
  return [...new Set(candidates)].filter((c) => c === 'java' || existsSync(c));
}

/** The newest Java runtime found, and every version seen (for the message when none is new enough). */
function findJava(): { java: string; version: number } | { seen: string[] } {
  let best: { java: string; version: number } | undefined;
  const seen: string[] = [];
  for (const java of javaCandidates()) {
    const version = javaMajorVersion(java);
    if (version === null) continue;
    seen.push(`${java} (${version})`);
    if (version >= MIN_JAVA && (!best || version > best.version)) best = { java, version };
  }
  return best ?? { seen };
}

/** The Cloud SDK's root as gcloud reports it, or null without gcloud. */
function gcloudSdkRoot(): string | null {
  const result = spawnSync('gcloud', ['info', '--format=value(installation.sdk_root)'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error || result.status !== 0) return null;
  return result.stdout.trim() || null;
}

/** The emulator jar and how to launch it, or the places looked at. */
function findJar(): { jar: string; launch: string[] } | { looked: string[] } {
  const looked: string[] = [];
  const sdkJar = (root: string) => {
    const jar = path.join(root, SDK_COMPONENT);
    looked.push(jar);
    return existsSync(jar) ? { jar, launch: ['-cp', jar, SDK_MAIN_CLASS] } : null;
  };
  const forced = process.env.FIRESTORE_EMULATOR_JAR;
  if (forced) {
    looked.push(forced);
    return existsSync(forced) ? { jar: forced, launch: ['-cp', forced, SDK_MAIN_CLASS] } : { looked };
  }
  const roots = [
    gcloudSdkRoot(),
    process.env.CLOUDSDK_ROOT_DIR,
    '/usr/lib/google-cloud-sdk',
    '/usr/share/google-cloud-sdk',
    '/opt/google-cloud-sdk',
    path.join(os.homedir(), 'google-cloud-sdk'),
  ].filter((r): r is string => Boolean(r));
  for (const root of new Set(roots)) {
    const hit = sdkJar(root);
    if (hit) return hit;
  }
  // firebase-tools' own download, once some earlier run fetched it (it has a Main-Class).
  const cache =
    process.env.FIREBASE_EMULATORS_PATH ?? path.join(os.homedir(), '.cache', 'firebase', 'emulators');
  looked.push(path.join(cache, 'cloud-firestore-emulator-v*.jar'));
  try {
    const jars = readdirSync(cache)
      .filter((f) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const newest = jars.at(-1);
    if (newest) {
      const jar = path.join(cache, newest);
      return { jar, launch: ['-jar', jar] };
    }
  } catch {
    // no cache directory: nothing downloaded yet
  }
  return { looked };
}

/** Finds the official emulator and a Java to run it, or says why it cannot run here. */
export function findOfficialFirestore(): OfficialFirestoreLookup {
  const jar = findJar();
  if ('looked' in jar) {
    return {
      found: false,
      why: `no official Firestore emulator jar (the Cloud SDK component cloud-firestore-emulator, or firebase-tools' download); looked at ${jar.looked.join(', ')}`,
    };
  }
  const java = findJava();
  if ('seen' in java) {
    const seen = java.seen.length > 0 ? `found only ${java.seen.join(', ')}` : 'found no Java';
    return { found: false, why: `the official Firestore emulator needs Java ${MIN_JAVA}+; ${seen} (set JAVA_HOME)` };
  }
  return { found: true, install: { java: java.java, javaVersion: java.version, jar: jar.jar, launch: jar.launch } };
}

/** A free TCP port on the host (the Java emulator takes no port 0). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** An official emulator this process started. */
export interface RunningOfficialFirestore {
  hostAndPort: string;
  /** Stops the JVM (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/**
 * Starts the official emulator on `host:port` and resolves once it answers its health probe. Its start-up
 * output goes to `log` line by line (later output is dropped: it logs every request); a start that fails
 * rejects with the last lines it printed.
 */
export async function startOfficialFirestore(
  install: OfficialFirestoreInstall,
  options: { host: string; port: number; log?: (line: string) => void; timeoutMs?: number },
): Promise<RunningOfficialFirestore> {
  const { host, port, log = () => undefined, timeoutMs = 120_000 } = options;
  const child: ChildProcess = spawn(
    install.java,
    ['-Duser.language=en', ...install.launch, '--host', host, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  let ready = false;
  const onOutput = (chunk: Buffer) => {
    if (ready) return;
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      log(line);
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  const hostAndPort = `${host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the official Firestore emulator exited (code ${child.exitCode}):\n${tail.join('\n')}`);
    }
    const ok = await fetch(`http://${hostAndPort}/`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) {
      ready = true;
      return { hostAndPort, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the official Firestore emulator did not answer within ${timeoutMs / 1000} s:\n${tail.join('\n')}`);
}
