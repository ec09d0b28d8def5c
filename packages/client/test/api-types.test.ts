/**
 * The committed REST types against the current OpenAPI document. The rendering runs in a child process:
 * openapi-typescript loads ES-module-only dependencies that Jest's CommonJS runtime cannot require.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const packageRoot = path.join(__dirname, '..');

async function renderNow(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(packageRoot, 'scripts', 'generate-api-types.ts'), '--stdout'],
    { cwd: packageRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

describe('The committed REST types', () => {
  jest.setTimeout(120_000);
  let rendered: string;
  beforeAll(async () => {
    rendered = await renderNow();
  });

  it('when the OpenAPI document is rendered again, then src/generated/api-types.ts is exactly that rendering', () => {
    const committed = readFileSync(path.join(packageRoot, 'src', 'generated', 'api-types.ts'), 'utf8');
    // On failure: the API's routes or schemas changed; run `npm run generate -w @chat/client` and commit.
    expect(committed).toBe(rendered);
  });

  it('when the types are rendered, then the routes of the document are in them', () => {
    for (const route of ['"/chats"', '"/chats/{chatId}/messages"', '"/users/me"', '"/notifications"']) {
      expect(rendered).toContain(`${route}: {`);
    }
  });
});
