/**
 * Every admin operation, taken from the route table itself (so a route added later is covered too), refuses
 * an anonymous caller with 401 and a signed-in non-admin with 403, before reading its input.
 */
import request from 'supertest';
import { apiRoutes } from '../src/routes/api-routes';
import { bearer } from './admin-support';
import { createHarness, type Harness } from './support';

let h: Harness;
let userToken: string;
beforeAll(async () => {
  h = createHarness();
  userToken = (await h.newUser()).idToken;
});
afterAll(() => h.close());
jest.setTimeout(60_000);

const adminRoutes = apiRoutes.filter((route) => route.path.startsWith('/admin'));
const concrete = (path: string) => path.replace(/:(\w+)/g, 'some-$1');

it('when the table is read, then every /admin route requires the admin claim, and there are some', () => {
  expect(adminRoutes.length).toBeGreaterThanOrEqual(12);
  expect(adminRoutes.filter((route) => route.auth !== 'admin').map((route) => route.path)).toEqual([]);
});

describe.each(adminRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
  '%s',
  (_name, route) => {
    it('when called without a token, then 401', async () => {
      const res = await request(h.app)[route.method](concrete(route.path)).send({});
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });

    it('when called by a signed-in user without the admin claim, then 403', async () => {
      const res = await request(h.app)[route.method](concrete(route.path)).set(bearer(userToken)).send({});
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('permission-denied');
    });
  },
);
