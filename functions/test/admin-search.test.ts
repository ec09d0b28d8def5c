/** Admin searches page through more than one page, each item once, and the audit log filters and pages. */
import request from 'supertest';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { bearer, groupWithMessage, userWithProfile } from './admin-support';
import { createHarness, uniqueId, type Harness } from './support';

let h: Harness;
let admin: TestUser;
const run = uniqueId('srch');
let people: TestUser[];
beforeAll(async () => {
  h = createHarness();
  admin = await userWithProfile(h, `${run}-admin`, { admin: true, displayName: `Admin ${run}` });
  people = await Promise.all(
    [0, 1, 2, 3, 4].map((i) => userWithProfile(h, `${run}-p${i}`, { displayName: `Person ${run} ${i}` })),
  );
});
afterAll(() => h.close());
jest.setTimeout(60_000);

/** Follows `nextCursor` from the first page to the last; returns every page's items. */
async function allPages<T>(path: string, query: Record<string, string>, items: (body: never) => T[]) {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const res = await request(h.app)
      .get(path)
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .set(bearer(admin.idToken))
      .expect(200);
    pages.push(items(res.body as never));
    cursor = res.body.nextCursor as string | null;
  } while (cursor && pages.length < 10);
  return pages;
}

const uidsOf = (body: { users: { uid: string }[] }) => body.users.map((user) => user.uid);
const expected = () => people.map((person) => person.uid).sort();

it.each([
  ['display name', { by: 'displayName', q: `Person ${run}` }],
  ['email', { by: 'email', q: `${run}-P`.toUpperCase() }],
  ['uid prefix', { by: 'uid', q: `${run}-p` }],
])(
  'when users are searched by %s two at a time, then three pages hold each match once',
  async (_name, query) => {
    const pages = await allPages('/admin/users', { ...query, limit: '2' }, uidsOf);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual(expected());
  },
);

it('when chats are searched by title prefix and by member, then every page is followed to the end', async () => {
  const chats = [];
  for (const i of [0, 1, 2])
    chats.push((await groupWithMessage(h, people[0]!, [people[1]!], `Room ${run} ${i}`)).chatId);
  const byTitle = await allPages(
    '/admin/chats',
    { q: `Room ${run}`, limit: '2' },
    (body: { chats: { id: string }[] }) => body.chats.map((chat) => chat.id),
  );
  expect(byTitle.map((page) => page.length)).toEqual([2, 1]);
  expect(byTitle.flat().sort()).toEqual([...chats].sort());
  const byMember = await allPages(
    '/admin/chats',
    { member: people[1]!.uid, limit: '2' },
    (body: { chats: { id: string }[] }) => body.chats.map((chat) => chat.id),
  );
  expect(byMember.flat().sort()).toEqual([...chats].sort());
});

it('when the audit log is read for one actor two at a time, then it pages newest first through all', async () => {
  for (const person of people.slice(0, 3)) {
    await request(h.app)
      .patch(`/admin/users/${person.uid}`)
      .set(bearer(admin.idToken))
      .send({ bio: 'audited' })
      .expect(200);
  }
  const pages = await allPages(
    '/admin/audit',
    { actor: admin.uid, limit: '2' },
    (body: { records: { target: { id: string }; at: string }[] }) =>
      body.records.map((record) => record.target.id),
  );
  expect(pages.map((page) => page.length)).toEqual([2, 1]);
  expect(pages.flat()).toEqual(
    people
      .slice(0, 3)
      .map((person) => person.uid)
      .reverse(),
  );
});

it('when the admin opens a user, then their chats come with them', async () => {
  const res = await request(h.app)
    .get(`/admin/users/${people[1]!.uid}`)
    .set(bearer(admin.idToken))
    .expect(200);
  expect(res.body.user).toMatchObject({ uid: people[1]!.uid, disabled: false, admin: false });
  expect(res.body.chats.length).toBeGreaterThanOrEqual(3);
});

it('when a cursor is forged, then 400 names it', async () => {
  const res = await request(h.app)
    .get('/admin/users')
    .query({ q: 'x', cursor: 'garbage!' })
    .set(bearer(admin.idToken));
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('invalid-argument');
});
