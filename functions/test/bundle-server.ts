/**
 * Serves the deployed bundle (`functions/lib/index.js`) the way the Functions runtime does: an Express
 * server with the raw body kept, each request handed to the `api` function, a rejected handler (a failed
 * `onInit`) logged and answered 500. Run on Node 22 by deploy-bundle.test.ts:
 *   node --import tsx functions/test/bundle-server.ts <port>
 * Prints `listening <port>` once ready.
 */
import path from 'node:path';
import express, { type Request, type Response } from 'express';

type HttpsFunction = (req: Request, res: Response) => void | Promise<void>;

// The built file, loaded at run time as the Functions runtime loads it (not compiled into this script).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = require(path.resolve(__dirname, '..', 'lib', 'index.js')) as { api: HttpsFunction };
const app = express();
app.use(
  express.raw({
    type: '*/*',
    limit: '10mb',
    verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }),
  }),
);
app.use((req, res) => {
  Promise.resolve(bundle.api(req, res)).catch((error: unknown) => {
    console.error(`Function failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) res.status(500).send('Internal Server Error');
  });
});
const server = app.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
