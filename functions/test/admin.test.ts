import request from 'supertest';
import { createHarness, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Each test signs users in and waits out the one-second resolution of revocation; the machine may be busy.
jest.setTimeout(30_000);

describe('POST /admin/users/:uid/revoke and /disable', () => {
  it('when an app admin revokes a user, then their token stops working and a revocation record is written', async () => {
    const [admin, user] = await Promise.all([h.newUser({ admin: true }), h.newUser()]);
    await request(h.app).get('/users/me').set(bearer(user.idToken)).expect(404); // the token works
    await sleep(1_100); // revocation has one-second resolution: not in the sign-in's second

    const res = await request(h.app).post(`/admin/users/${user.uid}/revoke`).set(bearer(admin.idToken));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ uid: user.uid, revokedAt: expect.any(String) });

    const after = await request(h.app).get('/users/me').set(bearer(user.idToken));
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('token-revoked');
    const record = await h.db.doc(`revocations/${user.uid}`).get();
    expect(record.get('disabled')).toBe(false);
    expect(record.get('tokensValidAfter').toDate().toISOString()).toBe(res.body.revokedAt);
  });

  it('when an app admin disables and enables a user, then Auth and the record follow', async () => {
    const [admin, user] = await Promise.all([h.newUser({ admin: true }), h.newUser()]);
    const disabled = await request(h.app)
      .post(`/admin/users/${user.uid}/disable`)
      .set(bearer(admin.idToken))
      .send({ disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({ uid: user.uid, disabled: true });
    expect((await h.auth.getUser(user.uid)).disabled).toBe(true);
    expect((await h.db.doc(`revocations/${user.uid}`).get()).get('disabled')).toBe(true);
    const refused = await request(h.app).get('/users/me').set(bearer(user.idToken));
    expect(refused.body.error.code).toBe('user-disabled');

    await request(h.app)
      .post(`/admin/users/${user.uid}/disable`)
      .set(bearer(admin.idToken))
      .send({ disabled: false })
      .expect(200);
    expect((await h.auth.getUser(user.uid)).disabled).toBe(false);
    expect((await h.db.doc(`revocations/${user.uid}`).get()).get('disabled')).toBe(false);
  });

  it('when a user who is not an app admin calls them, then 403 and nothing changes', async () => {
    const [caller, victim] = await Promise.all([h.newUser(), h.newUser()]);
    for (const [path, body] of [
      [`/admin/users/${victim.uid}/revoke`, undefined],
      [`/admin/users/${victim.uid}/disable`, { disabled: true }],
    ] as const) {
      const res = await request(h.app).post(path).set(bearer(caller.idToken)).send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('permission-denied');
    }
    expect((await h.auth.getUser(victim.uid)).disabled).toBe(false);
    expect((await h.db.doc(`revocations/${victim.uid}`).get()).exists).toBe(false);
  });

  it('when the body or the uid is wrong, then 400 or 404 naming it, and nothing is written', async () => {
    const admin = await h.newUser({ admin: true });
    const user = await h.newUser();
    const bad = await request(h.app)
      .post(`/admin/users/${user.uid}/disable`)
      .set(bearer(admin.idToken))
      .send({ disabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('disabled');
    const missing = await request(h.app).post('/admin/users/nobody-here/revoke').set(bearer(admin.idToken));
    expect(missing.status).toBe(404);
    expect((await h.db.doc('revocations/nobody-here').get()).exists).toBe(false);
    expect((await h.db.doc(`revocations/${user.uid}`).get()).exists).toBe(false);
  });

  it('when nobody signed in calls them, then 401', async () => {
    await request(h.app).post('/admin/users/anyone/revoke').expect(401);
  });
});
