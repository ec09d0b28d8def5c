import { Code, itWhereOfficialDeviates, rejection, useProject } from './helpers';

const { db } = useProject('limits');

const MiB = 1024 * 1024;

/** After a refused request, an ordinary one on the same connection must still succeed. */
async function expectStillWorks(): Promise<void> {
  await db.doc('ok/after').set({ fine: true });
  expect((await db.doc('ok/after').get()).get('fine')).toBe(true);
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < depth; i++) value = { m: value };
  return value;
}

describe('limits', () => {
  it('a document just under 1 MiB is accepted', async () => {
    await db.doc('big/under').set({ s: 'x'.repeat(MiB - 1024) });
    expect(((await db.doc('big/under').get()).get('s') as string).length).toBe(MiB - 1024);
  });

  it('a document over 1 MiB is INVALID_ARGUMENT, and the next request still works', async () => {
    const err = await rejection(db.doc('big/over').set({ s: 'x'.repeat(MiB + 1) }));
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    expect((await db.doc('big/over').get()).exists).toBe(false);
    await expectStillWorks();
  });

  // gRPC's default 4 MiB message cap must be lifted (firebase/firebase-tools#8081 saw the official one hit it).
  itWhereOfficialDeviates(
    "it keeps gRPC's 4 MiB message cap",
    'a commit larger than 4 MiB in total (several large documents) is accepted',
    async () => {
      const batch = db.batch();
      for (let i = 0; i < 5; i++) batch.set(db.doc(`big/d${i}`), { s: String(i).repeat(900 * 1024) });
      await batch.commit();
      expect((await db.collection('big').count().get()).data().count).toBe(5);
    },
  );

  it('a commit has no write-count limit: 600 writes in one batch succeed', async () => {
    const batch = db.batch();
    for (let i = 0; i < 600; i++) batch.set(db.doc(`many/d${i}`), { i });
    await batch.commit();
    expect((await db.collection('many').count().get()).data().count).toBe(600);
  });

  itWhereOfficialDeviates(
    'it accepts long names',
    'a document name over 6 KiB is INVALID_ARGUMENT, and the next request still works',
    async () => {
      // Each id stays under the 1,500-byte id limit; together they pass 6 KiB.
      const id = 'i'.repeat(1400);
      const path = Array.from({ length: 5 }, () => `c/${id}`).join('/');
      expect(Buffer.byteLength(path)).toBeGreaterThan(6 * 1024);
      const err = await rejection(db.doc(path).set({ n: 1 }));
      expect(err.code).toBe(Code.INVALID_ARGUMENT);
      await expectStillWorks();
    },
  );

  // Document ids "must be no longer than 1,500 bytes" (firebase.google.com/docs/firestore/quotas#collections_documents_and_fields).
  it('a document id over 1,500 bytes is INVALID_ARGUMENT', async () => {
    const err = await rejection(db.doc(`c/${'i'.repeat(1501)}`).set({ n: 1 }));
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    await expectStillWorks();
  });

  // Ids "cannot match the regular expression __.*__" (same quotas page).
  it('a reserved __id__ document id is INVALID_ARGUMENT', async () => {
    const err = await rejection(db.doc('c/__reserved__').set({ n: 1 }));
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    await expectStillWorks();
  });

  it('a field path over 1,500 bytes is INVALID_ARGUMENT, and the next request still works', async () => {
    const err = await rejection(db.doc('c/long-field').set({ ['f'.repeat(1501)]: 1 }));
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    await expectStillWorks();
  });

  it('values nested 20 deep are accepted', async () => {
    await db.doc('c/deep').set(nested(20));
    expect((await db.doc('c/deep').get()).data()).toEqual(nested(20));
  });

  // The Node SDK checks the depth before sending (serializer.js validateUserInput, MAX_DEPTH = 20), so the
  // server's INVALID_ARGUMENT cannot be reached through firebase-admin; this pins the SDK refusal.
  it('values nested more than 20 deep are refused', async () => {
    const err = await rejection(Promise.resolve().then(() => db.doc('c/deeper').set(nested(22))));
    expect(err.code === Code.INVALID_ARGUMENT || /deeper than 20 levels/.test(err.message)).toBe(true);
    await expectStillWorks();
  });

  it('more than 30 in values is INVALID_ARGUMENT, and the next request still works', async () => {
    const err = await rejection(
      db
        .collection('c')
        .where(
          'n',
          'in',
          Array.from({ length: 31 }, (_, i) => i),
        )
        .get(),
    );
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    await expectStillWorks();
  });

  // The Node SDK refuses a cursor longer than the ordering before sending (query.js createCursor).
  it('a cursor with more values than orders is refused', async () => {
    const err = await rejection(
      Promise.resolve().then(() => db.collection('c').orderBy('n').startAfter(1, 2).get()),
    );
    expect(err.code === Code.INVALID_ARGUMENT || /Too many cursor values/.test(err.message)).toBe(true);
    await expectStillWorks();
  });

  // "Arrays ... cannot contain another array value directly." (firebase.google.com/docs/firestore/manage-data/data-types)
  it('an array directly inside an array is INVALID_ARGUMENT', async () => {
    const err = await rejection(db.doc('c/nested-array').set({ a: [[1]] }));
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    await expectStillWorks();
  });

  // Production refuses it ("Transaction too big"); the official emulator has accepted it since firebase-tools
  // 13.11 (firebase/firebase-tools#8649, open), so this is expected to fail there.
  itWhereOfficialDeviates(
    'it answers RESOURCE_EXHAUSTED',
    'a request over 10 MiB is refused, and the next request still works',
    async () => {
      const batch = db.batch();
      for (let i = 0; i < 11; i++) batch.set(db.doc(`huge/d${i}`), { s: String(i % 10).repeat(1000 * 1000) });
      const err = await rejection(batch.commit());
      expect(err.code).toBe(Code.INVALID_ARGUMENT);
      expect((await db.collection('huge').count().get()).data().count).toBe(0);
      await expectStillWorks();
    },
  );
});
