import request from 'supertest';
import { createHarness, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('POST /users', () => {
  it('when a signed-in user creates a profile, then it is stored under the uid of the token', async () => {
    const user = await h.newUser();
    const res = await request(h.app)
      .post('/users')
      .set(bearer(user.idToken))
      .send({ displayName: '  Ada Lovelace ', bio: 'Engines.' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      uid: user.uid,
      displayName: 'Ada Lovelace',
      email: user.email,
      bio: 'Engines.',
      photoURL: null,
    });
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    const stored = await h.db.doc(`users/${user.uid}`).get();
    expect(stored.get('displayName')).toBe('Ada Lovelace');
    expect(stored.get('createdAt').toDate().toISOString()).toBe(res.body.createdAt);
  });

  it('when the body names a uid, then it is refused as an unknown field and nothing is written', async () => {
    const user = await h.newUser();
    const res = await request(h.app)
      .post('/users')
      .set(bearer(user.idToken))
      .send({ displayName: 'Mallory', uid: 'victim' });

    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid-argument',
      fields: [{ path: 'uid', message: 'Unknown field.' }],
    });
    expect((await h.db.doc(`users/${user.uid}`).get()).exists).toBe(false);
    expect((await h.db.doc('users/victim').get()).exists).toBe(false);
  });

  it('when the profile already exists, then a second create gives 409 and keeps the first', async () => {
    const user = await h.newUser();
    await request(h.app).post('/users').set(bearer(user.idToken)).send({ displayName: 'First' }).expect(201);
    const res = await request(h.app).post('/users').set(bearer(user.idToken)).send({ displayName: 'Second' });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already-exists');
    expect((await h.db.doc(`users/${user.uid}`).get()).get('displayName')).toBe('First');
  });

  it('when fields have the wrong type or length, then 400 names each field', async () => {
    const user = await h.newUser();
    const res = await request(h.app)
      .post('/users')
      .set(bearer(user.idToken))
      .send({ displayName: 42, photoURL: 'javascript:alert(1)', bio: 'x'.repeat(501) });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid body\.displayName: /);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'bio',
      'displayName',
      'photoURL',
    ]);
    expect((await h.db.doc(`users/${user.uid}`).get()).exists).toBe(false);
  });
});

describe('GET and PATCH /users/me', () => {
  it('when the caller has no profile yet, then GET /users/me is 404 and says how to create one', async () => {
    const user = await h.newUser();
    const res = await request(h.app).get('/users/me').set(bearer(user.idToken));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('POST /users'),
    });
  });

  it('when the caller patches their profile, then only the sent fields change and updatedAt moves', async () => {
    const user = await h.newUser();
    const created = (
      await request(h.app)
        .post('/users')
        .set(bearer(user.idToken))
        .send({ displayName: 'Before', bio: 'Keep me' })
    ).body;

    const patched = await request(h.app)
      .patch('/users/me')
      .set(bearer(user.idToken))
      .send({ displayName: 'After' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      uid: user.uid,
      displayName: 'After',
      bio: 'Keep me',
      createdAt: created.createdAt,
    });
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));

    const me = await request(h.app).get('/users/me').set(bearer(user.idToken));
    expect(me.body).toEqual(patched.body);
  });

  it('when the patch is empty, then 400 and nothing changes', async () => {
    const user = await h.newUser();
    await request(h.app).post('/users').set(bearer(user.idToken)).send({ displayName: 'Same' }).expect(201);
    const before = (await h.db.doc(`users/${user.uid}`).get()).updateTime;

    const res = await request(h.app).patch('/users/me').set(bearer(user.idToken)).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('at least one field');
    expect((await h.db.doc(`users/${user.uid}`).get()).updateTime?.isEqual(before!)).toBe(true);
  });

  it('when a user without a profile patches, then 404', async () => {
    const user = await h.newUser();
    const res = await request(h.app).patch('/users/me').set(bearer(user.idToken)).send({ bio: 'ghost' });
    expect(res.status).toBe(404);
    expect((await h.db.doc(`users/${user.uid}`).get()).exists).toBe(false);
  });
});

describe('GET /users and /users/:uid', () => {
  it('when a user reads another profile, then they get it; an unknown uid is 404', async () => {
    const [reader, other] = [await h.newUser(), await h.newUser()];
    await request(h.app).post('/users').set(bearer(other.idToken)).send({ displayName: 'Other' }).expect(201);

    const found = await request(h.app).get(`/users/${other.uid}`).set(bearer(reader.idToken));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ uid: other.uid, displayName: 'Other' });

    const missing = await request(h.app).get('/users/nobody-here').set(bearer(reader.idToken));
    expect(missing.status).toBe(404);
  });

  it('when the uid in the path is not a usable id, then 400 names path.uid', async () => {
    const reader = await h.newUser();
    const res = await request(h.app).get('/users/__reserved__').set(bearer(reader.idToken));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid path\.uid: /);
    expect(res.body.error.fields).toEqual([{ path: 'uid', message: expect.any(String) }]);
  });

  it('when a non-admin lists users, then 403 permission-denied', async () => {
    const user = await h.newUser();
    const res = await request(h.app).get('/users').set(bearer(user.idToken));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('permission-denied');
  });

  it('when an admin pages through users, then every profile comes once, in uid order', async () => {
    const admin = await h.newUser({ admin: true });
    const made = await Promise.all([1, 2, 3].map(() => h.newUser()));
    for (const user of made) {
      await request(h.app)
        .post('/users')
        .set(bearer(user.idToken))
        .send({ displayName: user.uid })
        .expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(h.app)
        .get('/users')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(admin.idToken));
      expect(res.status).toBe(200);
      expect(res.body.users.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.users.map((u: { uid: string }) => u.uid));
      cursor = res.body.nextCursor;
    } while (cursor);

    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    for (const user of made) expect(seen).toContain(user.uid);
  });

  it('when the page size is out of range, then 400 names the query field', async () => {
    const admin = await h.newUser({ admin: true });
    const res = await request(h.app).get('/users').query({ limit: 1000 }).set(bearer(admin.idToken));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('limit');
    expect(res.body.error.message).toMatch(/^Invalid query\.limit/);
  });
});
