import { createServer } from 'node:http';
import type { LogEntry } from '@chat/core';
import { Server } from 'socket.io';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { createLogs } from '../src/logs';
import { RoomPresence } from '../src/presence/room-presence';
import { REQUESTS_TIMEOUT_MS, attachRedisAdapter } from '../src/redis';
import type { ChatNamespace, RelayServer } from '../src/sockets/socket-types';

/**
 * RoomPresence on a real Redis adapter, at shutdown: the relay closes presence, then Socket.IO, then the
 * adapter's Redis connections, while a join or a sweep may still be on its way to a presence query.
 */
describe('RoomPresence after close()', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  it('when asked, told or rechecked after close and after Redis closed, then it answers "incomplete" and publishes nothing', async () => {
    const entries: LogEntry[] = [];
    const logs = createLogs((entry) => entries.push(entry));
    const io: RelayServer = new Server(createServer());
    const link = await attachRedisAdapter(io, redis.url, logs);
    const nsp = io.of('/chat') as ChatNamespace;
    const presence = new RoomPresence(nsp, logs, {
      clustered: true,
      heartbeatMs: 100,
      peerTimeoutMs: 300,
      requestsTimeoutMs: REQUESTS_TIMEOUT_MS,
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      presence.close();
      await link.close();

      const started = Date.now();
      expect(await presence.online('chat-1')).toEqual({ uids: new Set(), complete: false });
      expect(Date.now() - started).toBeLessThan(REQUESTS_TIMEOUT_MS);
      presence.announce({ chatId: 'chat-1', uid: 'alice', online: false });
      presence.recheck('chat-1');
      await new Promise((resolve) => setTimeout(resolve, 500)); // heartbeats would have fired by now
      expect(rejections).toEqual([]);
      expect(entries.filter((e) => e.severity === 'ERROR')).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    }
  });

  it('when a query is on its way as the relay closes, then drained() outlasts it and closing Redis raises nothing', async () => {
    const logs = createLogs(() => undefined);
    const servers = [new Server(createServer()), new Server(createServer())] as RelayServer[];
    const links = await Promise.all(servers.map((io) => attachRedisAdapter(io, redis.url, logs)));
    const [mine, peer] = servers.map(
      (io) =>
        new RoomPresence(io.of('/chat') as ChatNamespace, logs, {
          clustered: true,
          heartbeatMs: 100,
          peerTimeoutMs: 300,
          requestsTimeoutMs: REQUESTS_TIMEOUT_MS,
        }),
    );
    // The adapter asks Redis how many instances listen before it publishes the query: close in between.
    const answer = mine!.online('chat-1');
    mine!.close();
    await mine!.drained();
    await links[0]!.close();
    expect((await answer).uids).toEqual(new Set());
    peer!.close();
    await peer!.drained();
    await links[1]!.close();
    await Promise.all(servers.map((io) => new Promise<void>((resolve) => io.close(() => resolve()))));
  });
});
