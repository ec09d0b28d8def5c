/**
 * The web app in the local stack: the Hosting emulator serves a copy of the built `web/dist` made for this
 * stack, and the app reads its addresses at run time from `/env.json`, written here beside the bundle (the
 * bundle itself names no host; a deployment writes its own env.json or builds with VITE_* variables). The
 * copy keeps `web/dist` itself free of local addresses, and two stacks from apart.
 */
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WebAppEnv {
  apiUrl: string;
  relayUrl: string;
  authEmulatorUrl: string;
}

/** Copy `web/dist` to `webRoot` and write its env.json; false (and nothing written) when the app is not built. */
export function writeWebAppEnv(root: string, webRoot: string, env: WebAppEnv): boolean {
  const dist = path.join(root, 'web/dist');
  if (!existsSync(path.join(dist, 'index.html'))) return false;
  rmSync(webRoot, { recursive: true, force: true });
  cpSync(dist, webRoot, { recursive: true });
  writeFileSync(path.join(webRoot, 'env.json'), `${JSON.stringify(env, null, 2)}\n`);
  return true;
}
