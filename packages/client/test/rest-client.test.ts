/**
 * The REST client against the API as deployed locally: the Functions emulator that `npm test` starts (its
 * URL in API_URL) and real ID tokens from the Auth emulator.
 */
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { createUser, type TestUser } from '../../../scripts/lib/auth-emulator';
import { ApiError, createApiClient, type ApiClient } from '../src';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set. Run the tests with \`npm test\`, which starts the emulators.`);
  return value;
}

const API_URL = requireEnv('API_URL');
const PROJECT_ID = requireEnv('GCLOUD_PROJECT');
requireEnv('FIREBASE_AUTH_EMULATOR_HOST');

jest.setTimeout(60_000);

let firebase: App;
beforeAll(() => {
  firebase = initializeApp({ projectId: PROJECT_ID }, `client-test-${randomUUID()}`);
});
afterAll(() => deleteApp(firebase));

interface Person extends TestUser {
  api: ApiClient;
}

/** A signed-in user with a profile, and a client that presents their token. */
async function newPerson(): Promise<Person> {
  const user = await createUser(getAuth(firebase), { uid: `client-${randomUUID().slice(0, 12)}` });
  const api = createApiClient({ baseUrl: API_URL, getIdToken: () => user.idToken });
  await api.POST('/users', { body: { displayName: user.uid } });
  return { ...user, api };
}

/** The error a call was rejected with (the test fails if it resolved). */
async function rejection(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to be rejected');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('The REST client', () => {
  it('when a user creates a chat, sends and pages messages, then every answer is typed data from the API', async () => {
    const [ada, bob] = [await newPerson(), await newPerson()];
    const { data: chat, response } = await ada.api.POST('/chats', {
      body: { type: 'group', title: 'Client test', memberIds: [bob.uid] },
    });
    expect(response.status).toBe(201);
    expect(chat).toMatchObject({ type: 'group', title: 'Client test', createdBy: ada.uid });
    const chatId = chat?.id as string;

    const sent: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      const { data: message } = await ada.api.POST('/chats/{chatId}/messages', {
        params: { path: { chatId } },
        body: { text },
      });
      expect(message).toMatchObject({ chatId, senderId: ada.uid, text, type: 'text' });
      sent.push(message?.id as string);
    }

    const { data: newest } = await bob.api.GET('/chats/{chatId}/messages', {
      params: { path: { chatId }, query: { limit: 2 } },
    });
    const userTexts = (page: typeof newest) =>
      (page?.messages ?? []).filter((m) => m.type === 'text').map((m) => m.text);
    // A page is oldest first; the first page holds the newest messages.
    expect(userTexts(newest)).toEqual(['two', 'three']);
    expect(newest?.olderCursor).toEqual(expect.any(String));

    const { data: older } = await bob.api.GET('/chats/{chatId}/messages', {
      params: { path: { chatId }, query: { limit: 2, before: newest?.olderCursor as string } },
    });
    expect(userTexts(older)).toEqual(['one']);
  });

  it('when a chat does not exist, then the call throws ApiError with the envelope (404 not-found, a request id)', async () => {
    const ada = await newPerson();
    const error = await rejection(
      ada.api.GET('/chats/{chatId}', { params: { path: { chatId: 'no-such-chat' } } }),
    );
    expect(error).toMatchObject({ status: 404, code: 'not-found', fields: [] });
    expect(error.message).toEqual(expect.any(String));
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('when a body is invalid, then ApiError is 400 invalid-argument and names the field', async () => {
    const ada = await newPerson();
    const error = await rejection(
      ada.api.POST('/chats', { body: { type: 'group', title: '', memberIds: [] } }),
    );
    expect(error).toMatchObject({ status: 400, code: 'invalid-argument' });
    expect(error.fields.map((field) => field.path)).toEqual(['title']);
  });

  it('when there is no token, then ApiError is 401 unauthenticated', async () => {
    const anonymous = createApiClient({ baseUrl: API_URL, getIdToken: () => null });
    const error = await rejection(anonymous.GET('/users/me'));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('when requests are made, then the token callback is asked each time, so a refreshed token is used', async () => {
    const ada = await newPerson();
    const tokens = [ada.idToken, 'not-a-token'];
    let asked = 0;
    const api = createApiClient({ baseUrl: `${API_URL}/`, getIdToken: async () => tokens[asked++] });
    const { data: me } = await api.GET('/users/me');
    expect(me?.uid).toBe(ada.uid);
    const error = await rejection(api.GET('/users/me'));
    expect(asked).toBe(2);
    expect(error.status).toBe(401);
  });

  it('when the ping route is called without a token, then it answers 200', async () => {
    const anonymous = createApiClient({ baseUrl: API_URL });
    const { data, response } = await anonymous.GET('/ping');
    expect(response.status).toBe(200);
    expect(data).toEqual(expect.objectContaining({ status: expect.any(String) }));
  });
});
