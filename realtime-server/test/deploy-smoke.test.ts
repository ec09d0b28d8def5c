import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smokeTest } from '../../scripts/deploy/smoke-test';
import { Harness, requireEnv } from './support';

/**
 * The deploy workflow's smoke test, run against the local stack: the Functions emulator's API (npm test's
 * API_URL), a real relay, and a small HTTP server standing in for Hosting (the web app is not built here).
 */
describe('the post-deploy smoke test', () => {
  let h: Harness;
  let web: Server;
  let webUrl: string;
  beforeAll(async () => {
    web = createServer((req, res) => {
      if (req.url === '/')
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => web.close(resolve)));
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.cleanup());

  it('when the API, the relay and the web app are up, then every check passes', async () => {
    const { relay } = await h.startRelay();
    expect(await smokeTest({ apiUrl: requireEnv('API_URL'), relayUrl: relay.url, webUrl })).toEqual([]);
  });

  it('when the relay is down and the index is missing, then the failures name those checks', async () => {
    const { relay, close } = await h.startRelay();
    const relayUrl = relay.url;
    await close();
    const failures = await smokeTest(
      { apiUrl: requireEnv('API_URL'), relayUrl, webUrl: `${webUrl}/missing` },
      { retryForMs: 0 },
    );
    expect(failures.map((failure) => failure.split(':')[0])).toEqual([
      'relay /healthz',
      'relay refuses a bad token',
      'web app index',
    ]);
  });
});
