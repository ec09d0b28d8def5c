import { FieldValue } from 'firebase-admin/firestore';
import { startHarness, type Harness } from './sdk-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

test('When a document is set and read back, then its fields round-trip', async () => {
  const ref = h.db.collection('rooms').doc('r1');
  await ref.set({ a: 1, b: 'x', c: { d: [1, 2, true, null] }, t: FieldValue.serverTimestamp() });
  const snap = await ref.get();
  expect(snap.exists).toBe(true);
  expect(snap.get('a')).toBe(1);
  expect(snap.get('c')).toEqual({ d: [1, 2, true, null] });
  expect(snap.get('t').toMillis()).toBe(snap.updateTime?.toMillis());
});
