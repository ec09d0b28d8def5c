/**
 * `RelayNotifications` when a subscribe fails after live notifications have started to arrive. The relay
 * puts the socket in the inbox room before it reads the history, so a live notification can come first and
 * the history never (its instance died, the read failed). Taking that notification would move the client's
 * cursor past the ones the history held: they would never come. The relay here is a plain Socket.IO server
 * that plays that sequence exactly, which a real relay does only by chance.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { RelayNotifications, type RelayClientOptions } from '@chat/client';
import type { Ack, NotificationsSubscribed, RealtimeNotification } from '@chat/core';
import { eventually } from './support';

const notification = (id: string, second: number): RealtimeNotification => ({
  id,
  type: 'message',
  title: `Notification ${id}`,
  body: '',
  subject: null,
  createdAt: new Date(Date.UTC(2026, 11, 1, 12, 0, second)).toISOString(),
  readAt: null,
});

type Subscribe = { after?: string };
type SubscribeAck = (answer: Ack<NotificationsSubscribed>) => void;

/**
 * A plain Socket.IO server in the relay's place, answering `notifications:subscribe` with `answer`, and a
 * `RelayNotifications` on it collecting what it delivers. `close` stops both.
 */
async function scriptedRelay(
  answer: (socket: Socket, payload: Subscribe, ack: SubscribeAck) => void,
  socketOptions: RelayClientOptions['socket'],
) {
  const httpServer = createServer();
  const io = new Server(httpServer);
  io.of('/notifications').on('connection', (socket) => {
    socket.on('notifications:subscribe', (payload: Subscribe, ack: SubscribeAck) =>
      answer(socket, payload, ack),
    );
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const client = new RelayNotifications({
    url: `http://127.0.0.1:${port}`,
    getToken: async () => 'token',
    socket: socketOptions,
  });
  const received: string[] = [];
  client.onNotification((n) => received.push(n.id));
  const close = async () => {
    client.close();
    await new Promise((resolve) => io.close(resolve));
  };
  return { io, client, received, close };
}

describe('When a notifications subscribe fails after a live notification arrived', () => {
  it('then the client drops it, subscribes again from its unmoved cursor, and receives every notification', async () => {
    const missed = notification('n1', 1); // in the history the failed subscribe never delivered
    const live = notification('n2', 2); // sent live just before that subscribe failed
    const requests: Subscribe[] = [];
    const relay = await scriptedRelay(
      (socket, payload, ack) => {
        requests.push(payload);
        if (requests.length === 1) {
          socket.emit('notification:new', live);
          ack({
            ok: false,
            error: { code: 'unavailable', message: 'Firestore did not answer.', status: 503 },
          });
        } else {
          // What a real relay answers for this cursor: everything after it, n1 included.
          const history = payload.after ? [] : [missed, live];
          ack({ ok: true, data: { notifications: history, hasMore: false } });
        }
      },
      { reconnection: false },
    );
    try {
      await relay.client.whenSubscribed();
      expect(requests).toEqual([{}, {}]); // the second subscribe did not start after the dropped n2
      await eventually(() => expect(relay.received).toEqual(['n1', 'n2']));
    } finally {
      await relay.close();
    }
  });
});

describe('When a subscribe answers hasMore with a page that brings nothing new', () => {
  it('then the client stops paging (no loop of subscribes) and takes the live notifications that follow', async () => {
    // A real relay answers so when the notifications after the cursor are in Firestore but not yet in the
    // inbox room: they come live. The client must not ask again and again from the same cursor.
    const requests: Subscribe[] = [];
    const relay = await scriptedRelay(
      (socket, payload, ack) => {
        requests.push(payload);
        ack({ ok: true, data: { notifications: [], hasMore: payload.after !== undefined } });
        // The first connection: one live notification (the client's cursor), then the transport drops.
        if (requests.length === 1) {
          socket.emit('notification:new', notification('n1', 1));
          setTimeout(() => socket.conn.close(), 50);
        }
      },
      { reconnectionDelay: 50, reconnectionDelayMax: 50 },
    );
    try {
      await relay.client.whenSubscribed();
      await eventually(() => expect(relay.received).toEqual(['n1']));
      await eventually(() => expect(requests).toHaveLength(2)); // the resubscribe after the reconnect
      const sockets = await relay.io.of('/notifications').fetchSockets();
      sockets.forEach((socket) => socket.emit('notification:new', notification('n2', 2)));
      await eventually(() => expect(relay.received).toEqual(['n1', 'n2']));
      expect(requests).toEqual([{}, { after: 'n1' }]);
    } finally {
      await relay.close();
    }
  });
});
