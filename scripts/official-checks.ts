/**
 * `npm run test:official [-- jest args]`: the conformance suite and the security-rules tests against the
 * official Firestore emulator installed on this machine (see lib/official-checks.ts). Unlike `npm test`,
 * which skips them with the reason when it cannot run, this fails when the official emulator or Java 21+
 * is missing.
 */
import path from 'node:path';
import { runOfficialChecks } from './lib/official-checks';

const ROOT = path.resolve(__dirname, '..');

runOfficialChecks({
  root: ROOT,
  say: (line) => process.stdout.write(`[official] ${line}\n`),
  jestArgs: process.argv.slice(2),
  required: true,
})
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`[official] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
