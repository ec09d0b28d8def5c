/**
 * What a web app's TypeScript sees: a file importing `@chat/client` type-checked with the settings of a
 * Vite app (bundler resolution, DOM library, no Node types), against the built package.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.join(__dirname, '..', '..', '..');

function typeCheck(source: string): { errors: string[]; files: string[] } {
  const file = path.join(root, 'consumer.ts');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { errors, files: program.getSourceFiles().map((f) => f.fileName) };
}

describe("A web app's type check", () => {
  jest.setTimeout(60_000);

  const usage = `
    import { ApiError, createApiClient, RelayClient, type Message, type ChatJoined } from '@chat/client';
    const api = createApiClient({ baseUrl: 'http://localhost', getIdToken: async () => 'token' });
    export async function run(): Promise<string> {
      const { data } = await api.GET('/chats/{chatId}/messages', {
        params: { path: { chatId: 'c1' }, query: { limit: 10 } },
      });
      const first: Message | undefined = data?.messages[0];
      const relay = new RelayClient({ url: 'http://localhost', getToken: async () => 'token' });
      const joined: ChatJoined = await relay.join('c1');
      try { await api.POST('/chats', { body: { type: 'direct', memberId: 'u2' } }); }
      catch (error) { if (error instanceof ApiError) return error.code; }
      return (first?.text ?? '') + joined.chat.id;
    }
  `;

  it('when it uses the REST and relay clients, then it compiles without Node types or the Admin SDK', () => {
    const { errors, files } = typeCheck(usage);
    expect(errors).toEqual([]);
    expect(files.some((f) => f.includes('packages/client/dist/'))).toBe(true);
    expect(files.filter((f) => /firebase-admin|@types\/node|@google-cloud/.test(f))).toEqual([]);
  });

  it('when it calls a route that does not exist or sends a wrong body, then the compiler refuses it', () => {
    const { errors } = typeCheck(`
      import { createApiClient } from '@chat/client';
      const api = createApiClient({ baseUrl: 'http://localhost' });
      void api.GET('/no-such-route');
      void api.POST('/chats', { body: { type: 'group', title: 42 } });
    `);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
