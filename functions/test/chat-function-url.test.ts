/**
 * End to end through the Functions emulator: the chat API at its real function URL, and the message and
 * member triggers running there (registered with the Firestore emulator, delivered as CloudEvents).
 */
import { createHarness, requireEnv, type Harness } from './support';
import { eventually } from './chat-support';

const API_URL = requireEnv('API_URL');
let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

async function call(
  token: string,
  method: string,
  path: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${API_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

describe('the chat API behind the function URL', () => {
  it('when a message is sent through the URL, then the emulator runs messageCreated and memberAdded', async () => {
    const [ada, bob] = [await h.newUser(), await h.newUser()];
    for (const user of [ada, bob]) {
      expect((await call(user.idToken, 'POST', '/users', { displayName: user.uid })).status).toBe(201);
    }
    const chat = await call(ada.idToken, 'POST', '/chats', {
      type: 'group',
      title: 'E2E',
      memberIds: [bob.uid],
    });
    expect(chat.status).toBe(201);
    const chatId = chat.body.id as string;

    const headers = { 'Idempotency-Key': `e2e-${ada.uid}` };
    const sent = await call(
      ada.idToken,
      'POST',
      `/chats/${chatId}/messages`,
      { text: 'through the URL' },
      headers,
    );
    const retry = await call(
      ada.idToken,
      'POST',
      `/chats/${chatId}/messages`,
      { text: 'through the URL' },
      headers,
    );
    expect([sent.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(sent.body.id);

    const bobsView = await eventually(
      () => call(bob.idToken, 'GET', `/chats/${chatId}`),
      (res) => res.body.membership?.unreadCount === 1 && res.body.lastMessage?.id === sent.body.id,
      60_000,
      "Bob's view of the chat with the message as last and unread (the messageCreated trigger)",
    );
    expect(bobsView.body).toMatchObject({
      lastMessage: { id: sent.body.id, text: 'through the URL', senderId: ada.uid },
      membership: { unreadCount: 1 },
    });

    const inbox = await eventually(
      () => call(bob.idToken, 'GET', '/notifications'),
      (res) =>
        (res.body.notifications ?? []).some((n: { type: string }) => n.type === 'member-added') &&
        (res.body.notifications ?? []).some((n: { type: string }) => n.type === 'message'),
      60_000,
      "Bob's member-added and message notifications",
    );
    const types = inbox.body.notifications
      .map((n: { type: string }) => n.type)
      .filter((t: string) => t !== 'welcome');
    expect(types.sort()).toEqual(['member-added', 'message']);
    expect((await h.db.collection(`chats/${chatId}/messages`).get()).size).toBe(1);
  }, 150_000);
});
