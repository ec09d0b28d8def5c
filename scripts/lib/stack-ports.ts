/**
 * Emulator addresses for one run of the stack. `npm start` uses the ports in firebase.json; `npm test`
 * shifts every port by 100 by default, so the tests can run while `npm start` is up. STACK_PORT_OFFSET
 * picks another shift (parallel test runs). A shifted run gets its own generated firebase config file
 * beside firebase.json (git-ignored), since firebase-tools reads ports only from its config.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Address {
  host: string;
  port: number;
}

interface FirebaseJson {
  /** Each emulator's `{ host, port }`, beside non-address entries such as `ui` and `singleProjectMode`. */
  emulators: Record<string, unknown>;
  [key: string]: unknown;
}

function isAddress(value: unknown): value is Address {
  return typeof value === 'object' && value !== null && typeof (value as Address).port === 'number';
}

export interface StackPorts {
  auth: Address;
  functions: Address;
  firestore: Address;
  /** The Hosting emulator, serving the web app. */
  hosting: Address;
  /** The firebase-tools config file to pass with --config. */
  configFile: string;
  /** The folder this stack's Hosting emulator serves: a copy of `web/dist` with its own env.json. */
  webRoot: string;
}

export function stackPorts(root: string, offset: number): StackPorts {
  if (!Number.isInteger(offset) || offset < 0 || offset > 50_000) {
    throw new Error(`STACK_PORT_OFFSET must be a whole number from 0 to 50000 (got ${offset}).`);
  }
  const config = firebaseJson(root);
  const problem = offsetProblem(Object.values(portsOf(config)), offset, ephemeralPortRange());
  if (problem) throw new Error(problem);
  const shifted: FirebaseJson = { ...config, emulators: { ...config.emulators } };
  for (const [name, value] of Object.entries(config.emulators)) {
    if (isAddress(value)) shifted.emulators[name] = { ...value, port: value.port + offset };
  }
  // Each stack's Hosting emulator serves its own copy of the built app, whose env.json names that stack's
  // addresses: two stacks on one checkout (npm start beside npm test) must not rewrite each other's.
  const webRoot = path.join(root, webRootOf(offset));
  if (isObject(config.hosting)) shifted.hosting = { ...config.hosting, public: webRootOf(offset) };
  const configFile = path.join(root, `firebase.stack-${offset}.json`);
  writeFileSync(configFile, `${JSON.stringify(shifted, null, 2)}\n`);
  const pick = (name: string): Address => {
    const address = shifted.emulators[name];
    if (!isAddress(address)) throw new Error(`firebase.json has no emulators.${name} host and port.`);
    return { host: address.host, port: address.port };
  };
  return {
    auth: pick('auth'),
    functions: pick('functions'),
    firestore: pick('firestore'),
    hosting: pick('hosting'),
    configFile,
    webRoot,
  };
}

/** Where a stack's copy of the built web app lives, relative to the repository (git-ignored). */
export function webRootOf(offset: number): string {
  return `web/dist-stacks/${offset}`;
}

function firebaseJson(root: string): FirebaseJson {
  return JSON.parse(readFileSync(path.join(root, 'firebase.json'), 'utf8')) as FirebaseJson;
}

/** Each emulator's port as `firebase.json` gives it (offset 0), by emulator name. */
export function emulatorPorts(root: string): Record<string, number> {
  return portsOf(firebaseJson(root));
}

function portsOf({ emulators }: FirebaseJson): Record<string, number> {
  return Object.fromEntries(
    Object.entries(emulators).flatMap(([name, value]) => (isAddress(value) ? [[name, value.port]] : [])),
  );
}

/**
 * The ports the kernel hands to outgoing connections (Linux: 32768–60999 unless configured), or null where
 * it cannot be read.
 */
export function ephemeralPortRange(): PortRange | null {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return { low: Number(low), high: Number(high) };
  } catch {
    return null;
  }
}

export interface PortRange {
  low: number;
  high: number;
}

/**
 * Why an offset must not be used, or null. An emulator port inside the range of outgoing connections can be
 * taken by any connection a moment before the emulator binds it: the start then fails with EADDRINUSE, now
 * and then (an offset of 30000 did so under load).
 */
export function offsetProblem(basePorts: number[], offset: number, ephemeral: PortRange | null): string | null {
  if (!ephemeral || basePorts.length === 0) return null;
  const highest = Math.max(...basePorts);
  const low = Math.min(...basePorts) + offset;
  const high = highest + offset;
  if (high < ephemeral.low || low > ephemeral.high) return null;
  return (
    `STACK_PORT_OFFSET=${offset} puts the emulators on ports ${low}–${high}, inside the range this system ` +
    `gives outgoing connections (${ephemeral.low}–${ephemeral.high}), where one can take a port first. ` +
    `Pick an offset of at most ${ephemeral.low - 1 - highest}.`
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export const hostPort = (address: Address): string => `${address.host}:${address.port}`;
