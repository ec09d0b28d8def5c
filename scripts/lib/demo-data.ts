/** The demo users `npm start` seeds: signed up in the Auth emulator, with profiles in Firestore. */
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { AppError, createServices } from '@chat/core';
import { DEMO_PASSWORD } from './auth-emulator';

export const DEMO_USERS = [
  { uid: 'alice', email: 'alice@example.com', displayName: 'Alice Liddell', bio: 'Curiouser and curiouser.', admin: false },
  { uid: 'bob', email: 'bob@example.com', displayName: 'Bob Builder', bio: 'Can we fix it?', admin: false },
  { uid: 'carol', email: 'carol@example.com', displayName: 'Carol Admin', bio: 'Keeps the lights on.', admin: true },
  { uid: 'dave', email: 'dave@example.com', displayName: 'Dave Grohl', bio: 'Drums, mostly.', admin: false },
  { uid: 'erin', email: 'erin@example.com', displayName: 'Erin Brockovich', bio: 'Reads the fine print.', admin: false },
] as const;

/**
 * Groups with some history, so the chat list and the admin panel are not empty on first run. Each message
 * is sent with an idempotency key, and a group is only created when its owner has none of that title.
 */
export const DEMO_GROUPS = [
  {
    title: 'Tea Party',
    owner: 'alice',
    members: ['bob', 'carol'],
    history: [
      ['alice', 'Why is a raven like a writing desk?'],
      ['bob', 'Because both can be fixed with a hammer?'],
      ['carol', 'Reminder: be kind to each other in here.'],
      ['alice', 'Tea at four, as always.'],
    ],
  },
  {
    title: 'Builders',
    owner: 'bob',
    members: ['alice', 'dave'],
    history: [
      ['bob', 'Scaffolding goes up on Monday.'],
      ['dave', 'I will bring the drums for morale.'],
      ['alice', 'Please do not.'],
    ],
  },
  {
    title: 'Night Shift',
    owner: 'carol',
    members: ['dave', 'erin'],
    history: [
      ['carol', 'Pager rota is in the doc.'],
      ['erin', 'Read it twice; clause 4 is odd.'],
      ['dave', 'Covering Thursday.'],
    ],
  },
] as const;

/** A direct conversation with some history: something for the admin panel to read and moderate. */
export const DEMO_DIRECT = {
  between: ['alice', 'bob'],
  history: [
    ['alice', 'Did you see the new admin panel?'],
    ['bob', 'Carol showed me: she can remove a message live.'],
    ['alice', 'Then behave.'],
  ],
} as const;

/** Idempotent: running it against an already seeded stack changes nothing. */
export async function seedDemoData(auth: Auth, db: Firestore): Promise<void> {
  const services = createServices(db, auth);
  for (const user of DEMO_USERS) {
    try {
      await auth.createUser({ uid: user.uid, email: user.email, password: DEMO_PASSWORD, displayName: user.displayName });
    } catch (error) {
      if ((error as { code?: string }).code !== 'auth/uid-already-exists') throw error;
    }
    await auth.setCustomUserClaims(user.uid, user.admin ? { admin: true } : null);
    try {
      await services.users.createProfile(
        { uid: user.uid, email: user.email, admin: user.admin },
        { displayName: user.displayName, bio: user.bio },
      );
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'already-exists')) throw error;
    }
  }
  for (const group of DEMO_GROUPS) {
    const owner = { uid: group.owner, email: null, admin: false };
    const mine = await services.chats.listMine(owner, { limit: 100 });
    let chatId = mine.chats.find((chat) => chat.type === 'group' && chat.title === group.title)?.id;
    chatId ??= (await services.chats.createGroup(owner, group.title, [...group.members])).chat.id;
    let n = 0;
    for (const [uid, text] of group.history) {
      n += 1;
      await services.messages.send({ uid, email: null, admin: false }, chatId, { text, clientMessageId: `seed-${n}` });
    }
  }
  const [first, second] = DEMO_DIRECT.between;
  // Opening a direct chat that exists returns it, so a second run adds nothing.
  const direct = await services.chats.openDirect({ uid: first, email: null, admin: false }, second);
  let m = 0;
  for (const [uid, text] of DEMO_DIRECT.history) {
    m += 1;
    await services.messages.send({ uid, email: null, admin: false }, direct.chat.id, {
      text,
      clientMessageId: `seed-direct-${m}`,
    });
  }
}
