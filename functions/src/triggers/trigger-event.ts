import type { FirestoreEvent, QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';

/**
 * The part of a 2nd-gen Firestore event our handlers use: its id and the path parameters. Handlers read the
 * document's current state themselves, so a test can replay an event from just these two fields.
 */
export type TriggerEvent<Params extends Record<string, string>> = Pick<
  FirestoreEvent<QueryDocumentSnapshot | undefined, Params>,
  'id' | 'params'
>;
