/**
 * The writer half of bench/relay.ts, in its own process so that committing messages does not slow the
 * process whose clients measure delivery. Sends through the core service (what the REST API runs) and
 * answers with the messages it sent.
 */
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { createServices, type Message } from '@chat/core';

interface Job {
  rooms: Array<{ chatId: string; owner: string }>;
  messagesPerRoom: number;
  text: string;
  /** Messages in flight at once. */
  concurrency: number;
}

process.once('message', (job: Job) => {
  const app = initializeApp({ projectId: process.env.GCLOUD_PROJECT });
  const services = createServices(getFirestore(app), getAuth(app));
  void (async () => {
    const sent: Array<{ room: string; message: Message }> = [];
    for (let m = 0; m < job.messagesPerRoom; m += 1) {
      for (let i = 0; i < job.rooms.length; i += job.concurrency) {
        await Promise.all(
          job.rooms.slice(i, i + job.concurrency).map(async ({ chatId, owner }) => {
            const auth = { uid: owner, email: null, admin: false };
            const { message } = await services.messages.send(auth, chatId, { text: `${job.text} ${m}` });
            sent.push({ room: chatId, message });
          }),
        );
      }
    }
    process.send?.({ type: 'sent', sent }, () => process.exit(0));
  })();
});
