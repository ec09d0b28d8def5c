import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

/** The production runtime's major version (Cloud Functions' `engines.node`, the relay image's base). */
export const PRODUCTION_NODE_MAJOR = '22';

/**
 * The path of a Node 22 binary: this process's own when it is Node 22, else the `node` package at 22 from
 * the npm registry, installed once into npm's exec cache. Lets a check run the code on the production
 * runtime on a machine whose own Node is another version.
 */
export function node22(): string {
  if (process.versions.node.split('.')[0] === PRODUCTION_NODE_MAJOR) return process.execPath;
  // From a neutral directory, so the workspace's own node_modules/.bin cannot answer for `node`.
  const printed = execFileSync(
    'npm',
    ['exec', '--yes', `--package=node@${PRODUCTION_NODE_MAJOR}`, '--', 'node', '-p', 'process.execPath'],
    { cwd: tmpdir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const binary = printed.trim().split('\n').pop() ?? '';
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${PRODUCTION_NODE_MAJOR}.`))
    throw new Error(`Expected Node ${PRODUCTION_NODE_MAJOR} at ${binary}, found ${version}.`);
  return binary;
}
