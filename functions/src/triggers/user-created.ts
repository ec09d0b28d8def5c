import type { FirestoreEvent, QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import type { Services } from '@chat/core';

/** `users/{uid}` created → a welcome notification in that user's inbox (once, even if delivered twice). */
export async function onUserCreated(
  services: Services,
  event: FirestoreEvent<QueryDocumentSnapshot | undefined, { uid: string }>,
): Promise<void> {
  const displayName = event.data?.get('displayName');
  await services.notifications.welcome(
    event.params.uid,
    typeof displayName === 'string' ? displayName : 'there',
  );
}
