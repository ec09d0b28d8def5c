/**
 * The per-user limits on creating chats and adding members: rules of the domain (core's services), like the
 * send limit, through the exact app with the Firestore counters on the emulator. Limits are set low here;
 * each test uses its own users, so tests do not share counters.
 */
import { parseConfig } from '../src/config';
import { createHarness, type Harness } from './support';
import { newPerson, type Person } from './chat-support';

jest.setTimeout(60_000);

const WINDOW_SECONDS = 600;

let h: Harness;
beforeAll(() => {
  h = createHarness(
    parseConfig({
      APP_ENV: 'test',
      CORS_ORIGINS: ['http://localhost:5173'],
      RATE_LIMIT_WINDOW_SECONDS: WINDOW_SECONDS,
      RATE_LIMIT_CHATS_PER_USER: 2,
      RATE_LIMIT_MEMBER_ADDS_PER_USER: 3,
    }),
  );
});
afterAll(() => h.close());

interface Refusal {
  status: number;
  body: { error?: { code: string; message: string } };
  headers: Record<string, string>;
}

function expectRateLimited(res: Refusal, limiter: string): void {
  expect(res.status).toBe(429);
  expect(res.body.error?.code).toBe('resource-exhausted');
  expect(res.body.error?.message).toContain(`"${limiter}"`);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

async function chatsCreatedBy(person: Person): Promise<number> {
  return (await h.db.collection('chats').where('createdBy', '==', person.uid).get()).size;
}

describe('the chat-creation limit', () => {
  it('when a user creates more chats than it allows, then 429 with a retry time and no chat is created', async () => {
    const [alice, bob, carol] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    expect((await alice.api.post('/chats', { type: 'group', title: 'One' })).status).toBe(201);
    expect((await alice.api.post('/chats', { type: 'direct', memberId: bob.uid })).status).toBe(201);
    // Opening a direct chat that exists creates nothing, so it is not counted.
    expect((await alice.api.post('/chats', { type: 'direct', memberId: bob.uid })).status).toBe(200);

    expectRateLimited(await alice.api.post('/chats', { type: 'group', title: 'Three' }), 'chat-create');
    expectRateLimited(await alice.api.post('/chats', { type: 'direct', memberId: carol.uid }), 'chat-create');
    expect(await chatsCreatedBy(alice)).toBe(2);
    // Another user has their own budget.
    expect((await carol.api.post('/chats', { type: 'group', title: 'Mine' })).status).toBe(201);
  });
});

describe('the member-add limit', () => {
  it('when a user adds more members than it allows, then 429 with a retry time and nobody more is added', async () => {
    const owner = await newPerson(h);
    const people = [await newPerson(h), await newPerson(h), await newPerson(h), await newPerson(h)];
    // The two members a group is created with count as two adds.
    const created = await owner.api.post('/chats', {
      type: 'group',
      title: 'Crowd',
      memberIds: [people[0]!.uid, people[1]!.uid],
    });
    expect(created.status).toBe(201);
    const chatId = created.body.id as string;
    expect((await owner.api.post(`/chats/${chatId}/members`, { uid: people[2]!.uid })).status).toBe(201);

    expectRateLimited(
      await owner.api.post(`/chats/${chatId}/members`, { uid: people[3]!.uid }),
      'member-add',
    );
    expect((await h.db.doc(`chats/${chatId}/members/${people[3]!.uid}`).get()).exists).toBe(false);
    expect((await h.db.doc(`chats/${chatId}`).get()).get('memberIds')).toHaveLength(4);
  });

  it('when a group would start with more members than the budget has left, then 429 and no chat is created', async () => {
    const owner = await newPerson(h);
    const people = [await newPerson(h), await newPerson(h), await newPerson(h), await newPerson(h)];
    const res = await owner.api.post('/chats', {
      type: 'group',
      title: 'Too many at once',
      memberIds: people.map((person) => person.uid),
    });
    expectRateLimited(res, 'member-add');
    expect(await chatsCreatedBy(owner)).toBe(0);
  });
});
