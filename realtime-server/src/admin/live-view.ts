import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logs } from '../logs';
import type { RelayNamespace, RelayServer } from '../sockets/socket-types';

/** Rooms listed per instance, biggest first; the count of all of them is reported beside. */
const MAX_ROOMS = 100;

const InstanceSnapshot = z.object({
  instance: z.string(),
  startedAt: z.string(),
  sockets: z.object({ chat: z.number(), notifications: z.number() }),
  users: z.number(),
  roomCount: z.number(),
  rooms: z.array(z.object({ room: z.string(), sockets: z.number() })),
});

/** One relay instance as the admin panel shows it: its sockets per namespace, users and chat rooms. */
export type InstanceSnapshot = z.infer<typeof InstanceSnapshot>;

/** What `GET /admin/live` answers: this instance first, then every peer that answered in time. */
export interface LiveViewReport {
  at: string;
  /** The instance that answered the request. */
  self: string;
  instances: InstanceSnapshot[];
  /** False when a peer did not answer within the adapter's timeout (its figures are missing). */
  complete: boolean;
}

/** The question instances ask each other through the adapter. */
export interface LiveViewServerEvents {
  'live:snapshot': (answer: (snapshot: InstanceSnapshot) => void) => void;
}

export interface LiveViewOptions {
  io: RelayServer;
  chat: RelayNamespace;
  notifications: RelayNamespace;
  logs: Logs;
  /** With the Redis adapter: peers are asked for their figures; without it there are none. */
  clustered: boolean;
  /** The adapter's wait for answers (ms); a guard fires a second after it. */
  requestsTimeoutMs: number;
}

/**
 * The live view of the relay for admins: every instance's figures, gathered on demand with one server-side
 * question through the Redis adapter (each instance answers for its own sockets). Nothing is kept or
 * polled in between, so it costs nothing until an admin looks.
 */
export class LiveView {
  /** This instance's name in the report. */
  readonly instance = randomUUID().slice(0, 8);
  private readonly startedAt = new Date().toISOString();

  constructor(private readonly options: LiveViewOptions) {
    if (options.clustered) {
      options.io.on('live:snapshot', (answer) => {
        if (typeof answer === 'function') answer(this.snapshot());
      });
    }
  }

  /** This instance's own figures. */
  snapshot(): InstanceSnapshot {
    const { chat, notifications } = this.options;
    const users = new Set<string>();
    for (const nsp of [chat, notifications]) {
      for (const socket of nsp.sockets.values()) users.add(socket.data.session.auth.uid);
    }
    const rooms = [...chat.adapter.rooms.entries()]
      .filter(([room]) => room.startsWith('chat:'))
      .map(([room, members]) => ({ room, sockets: members.size }))
      .sort((a, b) => b.sockets - a.sockets || a.room.localeCompare(b.room));
    return {
      instance: this.instance,
      startedAt: this.startedAt,
      sockets: { chat: chat.sockets.size, notifications: notifications.sockets.size },
      users: users.size,
      roomCount: rooms.length,
      rooms: rooms.slice(0, MAX_ROOMS),
    };
  }

  /** This instance's figures and every peer's that answered. */
  async report(): Promise<LiveViewReport> {
    const own = this.snapshot();
    const { answers, complete } = this.options.clustered
      ? await this.askPeers()
      : { answers: [], complete: true };
    const peers = answers.filter((peer) => peer.instance !== own.instance);
    peers.sort((a, b) => a.instance.localeCompare(b.instance));
    return { at: new Date().toISOString(), self: own.instance, instances: [own, ...peers], complete };
  }

  private askPeers(): Promise<{ answers: InstanceSnapshot[]; complete: boolean }> {
    return new Promise((resolve) => {
      // The adapter never calls back when Redis itself fails.
      const guard = setTimeout(
        () => resolve({ answers: [], complete: false }),
        this.options.requestsTimeoutMs + 1000,
      );
      this.options.io.serverSideEmit('live:snapshot', (error: Error | null, raw: unknown[]) => {
        clearTimeout(guard);
        const answers = (raw ?? []).flatMap((one) => {
          const parsed = InstanceSnapshot.safeParse(one);
          if (parsed.success) return [parsed.data];
          this.options.logs.presenceDropped('live:snapshot', parsed.error.message);
          return [];
        });
        resolve({ answers, complete: !error });
      });
    });
  }
}
