/**
 * The app's configuration, read once at start-up. Nothing here names a host: every address comes from
 * the build environment (`VITE_*`, for a build made for one deployment) or, at run time, from the site
 * itself, so one bundle can be served anywhere:
 * - `/__/firebase/init.json`: Firebase Hosting's reserved URL with the project's web config;
 * - `/env.json`: the API and relay URLs (and, locally, the Auth emulator), written beside the bundle by
 *   the deployment or by `npm start`.
 * Run-time values win over build-time ones.
 */
import type { FirebaseOptions } from 'firebase/app';

export interface WebConfig {
  /** The REST API's base URL (the `api` function's URL). */
  apiUrl: string;
  /** The Socket.IO relay's base URL. */
  relayUrl: string;
  firebase: FirebaseOptions;
  /** Set when signing in against the Auth emulator. */
  authEmulatorUrl: string | null;
}

interface SiteEnv {
  apiUrl?: string;
  relayUrl?: string;
  authEmulatorUrl?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

async function fetchJson<T>(path: string): Promise<T | null> {
  try {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return null;
    return (await response.json()) as T;
  } catch {
    return null;
  }
}

function buildEnvFirebase(): FirebaseOptions | null {
  const env = import.meta.env;
  if (!env.VITE_FIREBASE_API_KEY || !env.VITE_FIREBASE_PROJECT_ID) return null;
  return {
    apiKey: env.VITE_FIREBASE_API_KEY,
    projectId: env.VITE_FIREBASE_PROJECT_ID,
    authDomain: env.VITE_FIREBASE_AUTH_DOMAIN,
    appId: env.VITE_FIREBASE_APP_ID,
  };
}

/** Load and check the configuration; the error names what is missing. */
export async function loadConfig(): Promise<WebConfig> {
  const [site, init] = await Promise.all([
    fetchJson<SiteEnv>('/env.json'),
    fetchJson<FirebaseOptions>('/__/firebase/init.json'),
  ]);
  const env = import.meta.env;
  const apiUrl = site?.apiUrl ?? env.VITE_API_URL;
  const relayUrl = site?.relayUrl ?? env.VITE_RELAY_URL;
  const firebase = init ?? buildEnvFirebase();
  const missing = [
    !apiUrl && 'the API URL (VITE_API_URL or apiUrl in /env.json)',
    !relayUrl && 'the relay URL (VITE_RELAY_URL or relayUrl in /env.json)',
    !firebase && 'the Firebase web config (/__/firebase/init.json or VITE_FIREBASE_*)',
  ].filter(Boolean);
  if (!apiUrl || !relayUrl || !firebase)
    throw new ConfigError(`Missing configuration: ${missing.join('; ')}.`);
  return {
    apiUrl: apiUrl.replace(/\/$/, ''),
    relayUrl: relayUrl.replace(/\/$/, ''),
    firebase,
    authEmulatorUrl: site?.authEmulatorUrl ?? env.VITE_AUTH_EMULATOR_URL ?? null,
  };
}
