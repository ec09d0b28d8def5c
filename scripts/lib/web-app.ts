/**
 * The web app in the local stack: the Hosting emulator serves the built `web/dist`, and the app reads its
 * addresses at run time from `/env.json`, written here beside the bundle (the bundle itself names no host;
 * a deployment writes its own env.json or builds with VITE_* variables).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WebAppEnv {
  apiUrl: string;
  relayUrl: string;
  authEmulatorUrl: string;
}

/** Write `web/dist/env.json`; false (and nothing written) when the app is not built. */
export function writeWebAppEnv(root: string, env: WebAppEnv): boolean {
  const dist = path.join(root, 'web/dist');
  if (!existsSync(path.join(dist, 'index.html'))) return false;
  writeFileSync(path.join(dist, 'env.json'), `${JSON.stringify(env, null, 2)}\n`);
  return true;
}
