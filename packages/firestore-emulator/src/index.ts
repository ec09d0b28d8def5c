/**
 * @chat/firestore-emulator: an in-memory Firestore emulator that firebase-admin talks to over gRPC
 * (FIRESTORE_EMULATOR_HOST), with the official emulator's HTTP endpoints and 2nd-gen trigger delivery.
 */
export { startEmulator, MAX_REQUEST_BYTES, type EmulatorOptions, type RunningEmulator } from './server';
export {
  Store,
  type StoreOptions,
  type StoredDocument,
  type DocumentChange,
  type CommitEvent,
} from './store';
export type { TriggerRegistration } from './triggers';
export type { Time } from './time';
export type { Value } from './values';
