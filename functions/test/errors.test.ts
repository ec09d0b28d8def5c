import request from 'supertest';
import { createHarness, PUBLIC_ROUTE, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('the error envelope', () => {
  it('when a route does not exist, then 404 in the envelope with the request id', async () => {
    const res = await request(h.app).get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        status: 404,
        code: 'not-found',
        message: 'No route for GET /no/such/route.',
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('when the client sends a sane X-Request-Id, then it is echoed and logged', async () => {
    const res = await request(h.app).get('/missing').set('X-Request-Id', 'client-req-0001');
    expect(res.headers['x-request-id']).toBe('client-req-0001');
    expect(h.logs.filter((entry) => entry.requestId === 'client-req-0001')).toHaveLength(1);
  });

  it('when the client sends a hostile X-Request-Id, then a fresh one replaces it', async () => {
    const res = await request(h.app).get('/missing').set('X-Request-Id', '<script>alert(1)</script>');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a client error happens, then it is logged once as WARNING with its code and no stack', async () => {
    const res = await request(h.app).get('/users/me');
    const lines = h.logs.filter((entry) => entry.requestId === res.headers['x-request-id']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      severity: 'WARNING',
      code: 'unauthenticated',
      httpRequest: { requestMethod: 'GET', requestUrl: '/users/me' },
    });
    expect(lines[0]).not.toHaveProperty('stack');
  });

  it('when Google sends a trace header, then the log line links to the trace', async () => {
    const res = await request(h.app)
      .get('/missing')
      .set('X-Cloud-Trace-Context', '105445aa7843bc8bf206b12000100000/1;o=1');
    const line = h.logs.find((entry) => entry.requestId === res.headers['x-request-id']);
    expect(line?.['logging.googleapis.com/trace']).toMatch(
      /^projects\/.+\/traces\/105445aa7843bc8bf206b12000100000$/,
    );
  });
});

describe('bad bodies', () => {
  const bearer = async () => ({ Authorization: `Bearer ${(await h.newUser()).idToken}` });

  it('when the JSON is invalid, then 400 invalid-argument, and the server keeps serving', async () => {
    const res = await request(h.app)
      .post('/users')
      .set(await bearer())
      .set('Content-Type', 'application/json')
      .send('{"displayName": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid-argument',
      message: 'The body is not valid JSON.',
    });
    await request(h.app).get(PUBLIC_ROUTE).expect(200);
  });

  it('when the body is over the limit, then 413 payload-too-large and nothing is written', async () => {
    const user = await h.newUser();
    const res = await request(h.app)
      .post('/users')
      .set({ Authorization: `Bearer ${user.idToken}` })
      .send({ displayName: 'Big', bio: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
    expect((await h.db.doc(`users/${user.uid}`).get()).exists).toBe(false);
  });

  it('when the body is not JSON at all, then 400 and the message names the body', async () => {
    const res = await request(h.app)
      .post('/users')
      .set(await bearer())
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid body: /);
  });

  it('when the body is a JSON array, then 400', async () => {
    const res = await request(h.app)
      .post('/users')
      .set(await bearer())
      .send([{ displayName: 'x' }]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid-argument');
  });

  it('when strings look like injection, then they are stored as plain text, never interpreted', async () => {
    const user = await h.newUser();
    const hostile = "Robert'); DROP TABLE users;-- ${process.env} {{7*7}} <img src=x>";
    const res = await request(h.app)
      .post('/users')
      .set({ Authorization: `Bearer ${user.idToken}` })
      .send({ displayName: hostile.slice(0, 80) });
    expect(res.status).toBe(201);
    expect((await h.db.doc(`users/${user.uid}`).get()).get('displayName')).toBe(hostile.slice(0, 80).trim());
  });
});
