/**
 * What a web app's bundler gets: the package resolved by name with the browser conditions (Vite and
 * esbuild pick `browser`/`module`), bundled for the browser by esbuild. Runs on the built package, which
 * `npm test` builds first.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

const root = path.join(__dirname, '..', '..', '..');

async function bundleForBrowser(source: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const metafile = result.metafile as Metafile;
  return {
    code: result.outputFiles.map((file) => file.text).join('\n'),
    inputs: Object.keys(metafile.inputs),
  };
}

describe('A browser bundle', () => {
  jest.setTimeout(60_000);

  it('when a web app imports @chat/client, then esbuild bundles it for the browser with no Node module in it', async () => {
    const { code, inputs } = await bundleForBrowser(
      "export { createApiClient, ApiError, RelayClient, RelayNotifications } from '@chat/client';",
    );
    expect(inputs.some((input) => input.includes('packages/client/dist/esm/'))).toBe(true);
    expect(inputs.some((input) => input.includes('socket.io-client'))).toBe(true);
    expect(inputs.some((input) => input.includes('openapi-fetch'))).toBe(true);
    expect(inputs.filter((input) => /firebase-admin|@google-cloud|packages\/core\//.test(input))).toEqual([]);
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });

  it("when a web app imports core's contract entry, then it bundles with zod only, without the Admin SDK", async () => {
    const { inputs } = await bundleForBrowser(
      "export { SendMessageBody, ErrorCodes, ChatJoinPayload } from '@chat/core/contract';",
    );
    expect(inputs.some((input) => input.includes('zod'))).toBe(true);
    expect(inputs.filter((input) => /firebase-admin|@google-cloud/.test(input))).toEqual([]);
  });

  it("when core's main entry is bundled the same way, then the check sees its Node modules (it can fail)", async () => {
    await expect(bundleForBrowser("export { createServices } from '@chat/core';")).rejects.toThrow(
      /built into node|Could not resolve/,
    );
  });
});
