/**
 * The Postman collection (postman/), run by newman against the Functions emulator's function URL, the
 * deployed shape of the API, with users and ID tokens of its own from the Auth emulator. Any failed
 * `pm.test` assertion or request fails this test. Also checks that the collection covers every route.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import newman, { type NewmanRunSummary } from 'newman';
import { apiRoutes } from '../src/routes/api-routes';
import { createHarness, requireEnv, type Harness } from './support';

const API_URL = requireEnv('API_URL');
const POSTMAN = path.resolve(__dirname, '..', '..', 'postman');
const COLLECTION = path.join(POSTMAN, 'chat-api.postman_collection.json');
const ENVIRONMENT = path.join(POSTMAN, 'chat-api.postman_environment.json');

interface Item {
  name: string;
  item?: Item[];
  request?: { method: string; url: { path: string[] } };
}

function requests(items: Item[]): { name: string; method: string; path: string }[] {
  return items.flatMap((item) =>
    item.item
      ? requests(item.item)
      : item.request
        ? [{ name: item.name, method: item.request.method, path: `/${item.request.url.path.join('/')}` }]
        : [],
  );
}

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

it('when the collection is read, then it has a request for every route of the API', () => {
  const collection = JSON.parse(readFileSync(COLLECTION, 'utf8')) as { item: Item[] };
  const covered = requests(collection.item);
  const missing = apiRoutes.filter((route) => {
    const pattern = new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
    return !covered.some((r) => r.method === route.method.toUpperCase() && pattern.test(r.path));
  });
  expect(missing.map((route) => `${route.method.toUpperCase()} ${route.path}`)).toEqual([]);
});

it('when newman runs the collection against the function URL, then every assertion passes', async () => {
  const [alice, bob, carol, dave] = await Promise.all([
    h.newUser(),
    h.newUser(),
    h.newUser({ admin: true }),
    h.newUser(),
  ]);
  const summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
    newman.run(
      {
        collection: COLLECTION,
        environment: ENVIRONMENT,
        envVar: [
          { key: 'baseUrl', value: API_URL },
          { key: 'aliceUid', value: alice.uid },
          { key: 'aliceToken', value: alice.idToken },
          { key: 'bobUid', value: bob.uid },
          { key: 'bobToken', value: bob.idToken },
          { key: 'carolUid', value: carol.uid },
          { key: 'carolToken', value: carol.idToken },
          { key: 'daveUid', value: dave.uid },
          { key: 'daveToken', value: dave.idToken },
        ],
        reporters: [],
        timeoutRequest: 30_000,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  const failures = summary.run.failures.map(
    (failure) => `${failure.source?.name ?? '?'}: ${failure.error.name}: ${failure.error.message}`,
  );
  expect(failures).toEqual([]);
  expect(summary.run.stats.requests.failed).toBe(0);
  expect(summary.run.stats.assertions.failed).toBe(0);
  expect(summary.run.stats.assertions.total).toBeGreaterThan(80);
}, 120_000);
