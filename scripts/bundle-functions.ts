/**
 * Bundle the functions codebase into `functions/lib/index.js`, the file firebase.json deploys and the
 * Functions emulator runs. Workspace packages (`@chat/*`) are inlined, because Cloud Build installs the
 * deployed package.json's `dependencies` from the npm registry, where they do not exist; every registry
 * dependency stays external and is installed there as usual.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const functionsDir = path.resolve(__dirname, '..', 'functions');
const manifest = JSON.parse(readFileSync(path.join(functionsDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  engines: { node: string };
};

build({
  entryPoints: [path.join(functionsDir, 'src', 'index.ts')],
  outfile: path.join(functionsDir, 'lib', 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: `node${manifest.engines.node}`,
  sourcemap: 'linked',
  external: Object.keys(manifest.dependencies).flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
}).catch(() => process.exit(1));
