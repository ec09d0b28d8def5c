/**
 * The send limit is a rule of the domain, so it holds whatever the entry point: `POST /chats/{id}/messages`
 * however it is spelled (Express routes ignore letter case and a trailing slash), `message:send` and
 * `message:private` on the relay. The REST API here is the exact app the function serves (`createApp`), over
 * the same Firestore as the relay, with the same limit: 60 sends per 600 s window.
 */
import request from 'supertest';
import { counterOf, directChatId, type Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { createApp } from '../../functions/src/app';
import { parseConfig as parseApiConfig } from '../../functions/src/config';
import { Harness, call, sleep, type ChatClient } from './support';

// Each test makes 61 sends or more, and may first wait for a fresh rate-limit window.
jest.setTimeout(120_000);

const LIMIT = 60;
const WINDOW_SECONDS = 600;

const refusal = {
  ok: false,
  error: {
    status: 429,
    code: 'resource-exhausted',
    message: expect.stringMatching(
      new RegExp(
        `^Too many requests \\(limit "send": ${LIMIT} per ${WINDOW_SECONDS} s\\)\\. Retry after \\d+ s\\.$`,
      ),
    ),
  },
};

/** How a user may send: a spelling of the REST path, or a socket event. */
type EntryPoint =
  | 'POST /chats/{id}/messages'
  | 'POST /CHATS/{id}/MESSAGES'
  | 'POST /chats/{id}/messages/'
  | 'message:send'
  | 'message:private';

describe('The send limit at every entry point', () => {
  let h: Harness;
  let api: ReturnType<typeof createApp>;
  let relayUrl: { url: string };

  beforeEach(async () => {
    h = new Harness();
    const running = await h.startRelay({
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_SENDS_PER_USER: String(LIMIT),
    });
    relayUrl = running.relay;
    api = createApp({
      config: parseApiConfig({
        APP_ENV: 'test',
        CORS_ORIGINS: [],
        RATE_LIMIT_WINDOW_SECONDS: WINDOW_SECONDS,
        RATE_LIMIT_SENDS_PER_USER: LIMIT,
      }),
      db: h.db,
      auth: h.auth,
      log: () => undefined,
    });
  });
  afterEach(() => h.cleanup());

  /** A sender, the member they write to in a group, and their socket; not too near their window's end. */
  async function sender(): Promise<{ user: TestUser; to: TestUser; chatId: string; socket: ChatClient }> {
    const [user, to] = await Promise.all([h.newUser(), h.newUser()]);
    const chatId = await h.groupChat(user, [to]);
    const socket = await h.chat(relayUrl, user.idToken);
    await notNearWindowEnd(user.uid);
    return { user, to, chatId, socket };
  }

  /** One send through `entry`: `ok` when it was stored, else the error it got. */
  async function send(
    entry: EntryPoint,
    from: { user: TestUser; chatId: string; socket: ChatClient },
    to: TestUser,
    text: string,
  ): Promise<{ ok: true } | { ok: false; error: unknown; status?: number }> {
    if (entry.startsWith('POST ')) {
      const path = entry.slice('POST '.length).replace('{id}', from.chatId);
      const res = await request(api)
        .post(path)
        .set('Authorization', `Bearer ${from.user.idToken}`)
        .send({ text });
      if (res.status === 201) return { ok: true };
      return { ok: false, status: res.status, error: res.body.error };
    }
    const answer =
      entry === 'message:send'
        ? await call<Message>(from.socket, 'message:send', {
            chatId: from.chatId,
            text,
            clientMessageId: text,
          })
        : await call(from.socket, 'message:private', { to: to.uid, text, clientMessageId: text });
    return answer.ok ? { ok: true } : answer;
  }

  const texts = async (user: TestUser, chatId: string) =>
    (await h.services.messages.list(h.as(user), chatId, { limit: 100 })).messages.map((m) => m.text);

  const entryPoints: EntryPoint[] = [
    'POST /chats/{id}/messages',
    'POST /CHATS/{id}/MESSAGES',
    'POST /chats/{id}/messages/',
    'message:send',
    'message:private',
  ];

  it.each(entryPoints)(
    'when a user sends %s 61 times in a window, then the 61st is refused',
    async (entry) => {
      const from = await sender();
      for (let i = 1; i <= LIMIT; i += 1)
        expect(await send(entry, from, from.to, `m${i}`)).toEqual({ ok: true });
      const refused = await send(entry, from, from.to, 'one too many');
      if (entry.startsWith('POST ')) {
        expect(refused).toMatchObject({ ok: false, status: 429, error: refusal.error });
      } else {
        expect(refused).toEqual(refusal);
      }
      const chatId = entry === 'message:private' ? directChatId(from.user.uid, from.to.uid) : from.chatId;
      expect(await texts(from.user, chatId)).toHaveLength(LIMIT);
    },
  );

  it('when a user mixes REST (any spelling) and socket sends, then they share one budget, every entry point refuses the 61st, and a refused private message opens no chat', async () => {
    const from = await sender();
    const stranger = await h.newUser();
    for (let i = 0; i < LIMIT; i += 1) {
      const entry = entryPoints[i % entryPoints.length] as EntryPoint;
      expect(await send(entry, from, from.to, `m${i}`)).toEqual({ ok: true });
    }
    for (const entry of entryPoints) {
      const refused = await send(entry, from, stranger, `late ${entry}`);
      if (entry.startsWith('POST '))
        expect(refused).toMatchObject({ ok: false, status: 429, error: refusal.error });
      else expect(refused).toEqual(refusal);
    }
    expect(await texts(from.user, from.chatId)).toHaveLength((LIMIT / 5) * 4);
    expect(await texts(from.user, directChatId(from.user.uid, from.to.uid))).toHaveLength(LIMIT / 5);
    await expect(
      h.services.chats.get(h.as(from.user), directChatId(from.user.uid, stranger.uid)),
    ).rejects.toMatchObject({ code: 'not-found' });
    // The budget is the sender's own: the other member still sends.
    const other = await request(api)
      .post(`/chats/${from.chatId}/messages`)
      .set('Authorization', `Bearer ${from.to.idToken}`)
      .send({ text: 'mine' });
    expect(other.status).toBe(201);
  });
});

/** Wait for the next window of `uid`'s send counter if this one ends too soon for a test to fit in it. */
async function notNearWindowEnd(uid: string, marginMs = 20_000): Promise<void> {
  const left = counterOf('send:', uid, WINDOW_SECONDS * 1000).resetTime.getTime() - Date.now();
  if (left < marginMs) await sleep(left + 100);
}
