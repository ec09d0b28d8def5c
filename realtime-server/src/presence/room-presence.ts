import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logs } from '../logs';
import { chatRoom, type ChatNamespace } from '../sockets/socket-types';
import { PeerRegistry } from './peer-registry';
import type { PresenceAnswer, PresenceChange, PresenceServerEvents } from './presence-events';

export type { PresenceAnswer, PresenceChange, PresenceServerEvents } from './presence-events';

export interface RoomPresenceOptions {
  /** False with the in-memory adapter: one instance, no peers, nothing to announce or watch. */
  clustered: boolean;
  heartbeatMs: number;
  peerTimeoutMs: number;
  /** How long the adapter waits for peers' answers; a query gives up a little after it. */
  requestsTimeoutMs: number;
}

/** Who holds a socket in some rooms; `complete` is false when a live peer did not answer. */
interface Holders {
  rooms: Map<string, Set<string>>;
  complete: boolean;
}

const InstanceId = z.string().min(1);
const Change = z.object({ chatId: z.string().min(1), uid: z.string().min(1), online: z.boolean() });
const ChatIds = z.array(z.string().min(1));
const Answer = z.object({ instance: InstanceId, rooms: z.record(z.string(), z.array(z.string())) });

/**
 * Presence across relay instances, including the ones that die without a word.
 *
 * Presence changes travel between instances as server-side events, and each instance hands them to its
 * own sockets (`local`), so it knows which users its clients believe online in each of its rooms. Every
 * instance sends a heartbeat; when a peer falls silent for `peerTimeoutMs` (or says goodbye), each
 * survivor asks the live instances who is still in its rooms and tells its own clients, once, that the
 * users nobody holds any more are offline. Queries accept the answers of the live peers only, so a dead
 * peer that Redis still counts costs a join at most the adapter's timeout, never an error.
 */
export class RoomPresence {
  /** This instance's name among its peers. */
  readonly instance = randomUUID();
  private readonly peers: PeerRegistry;
  /** Per local room: the uids its clients believe online, each with the stamp of its latest `online`. */
  private readonly believed = new Map<string, Map<string, number>>();
  /** Rooms to check against the live instances at the next tick. */
  private readonly dirty = new Set<string>();
  private stamp = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();
  private lastTick = Date.now();
  private sweeping = false;
  /** After close() nothing more goes to the peers: the adapter's Redis connections close right after. */
  private closed = false;
  /** Queries on their way: the adapter publishes each only after a first round trip to Redis. */
  private readonly asking = new Set<Promise<unknown>>();

  constructor(
    private readonly nsp: ChatNamespace,
    private readonly logs: Logs,
    private readonly options: RoomPresenceOptions,
  ) {
    this.peers = new PeerRegistry(options.peerTimeoutMs);
    if (!options.clustered) return;
    nsp.on('presence:heartbeat', (instance) => void this.sender('presence:heartbeat', instance));
    nsp.on('presence:goodbye', (instance) => this.goodbye(instance));
    nsp.on('presence:change', (instance, change) => this.changed(instance, change));
    nsp.on('presence:recheck', (instance, chatId) => this.recheckAsked(instance, chatId));
    nsp.on('presence:query', (instance, chatIds, answer) => this.query(instance, chatIds, answer));
    this.timer = setInterval(() => this.tick(), options.heartbeatMs);
    this.timer.unref();
    this.tell((nsp, me) => nsp.serverSideEmit('presence:heartbeat', me));
  }

  /** The uids with a socket in the chat's room, on this instance or a live peer, other than `exceptSocket`. */
  async online(chatId: string, exceptSocket?: string): Promise<{ uids: Set<string>; complete: boolean }> {
    const { rooms, complete } = await this.holders([chatId], exceptSocket);
    return { uids: rooms.get(chatId) ?? new Set(), complete };
  }

  /** Tell every client in the chat's room, on every instance (but the socket `exceptSocket`). */
  announce(change: PresenceChange, exceptSocket?: string): void {
    this.apply(change, exceptSocket);
    this.tell((nsp, me) => nsp.serverSideEmit('presence:change', me, change));
  }

  /** A local socket joined the chat and was told these users are online. */
  joined(chatId: string, online: string[]): void {
    if (!this.options.clustered) return;
    const beliefs = this.believed.get(chatId) ?? new Map<string, number>();
    this.believed.set(chatId, beliefs);
    for (const uid of online) beliefs.set(uid, ++this.stamp);
  }

  /** Whether a user went offline in this chat could not be settled: every instance checks its room again. */
  recheck(chatId: string): void {
    if (!this.options.clustered) return;
    this.dirty.add(chatId);
    this.tell((nsp, me) => nsp.serverSideEmit('presence:recheck', me, chatId));
  }

  /**
   * Say goodbye to the peers and stop the heartbeat. The listeners stay until the adapter closes with the
   * relay: peers that ask meanwhile still get an answer instead of waiting for one.
   */
  close(): void {
    if (this.closed) return;
    this.tell((nsp, me) => nsp.serverSideEmit('presence:goodbye', me));
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Settles once no query of this instance is on its way, each within the adapter's timeout (plus a second).
   * The relay waits for it before it closes Redis: the adapter publishes a query only after asking Redis how
   * many instances listen, so a query begun before close() still publishes after it.
   */
  async drained(): Promise<void> {
    await Promise.allSettled([...this.asking]);
  }

  /**
   * A message to every peer, unless this instance is closed: once the adapter's Redis client has closed, a
   * publish rejects inside the adapter, where nobody can catch it, and would take the process down.
   */
  private tell(send: (nsp: ChatNamespace, instance: string) => void): void {
    if (!this.closed && this.options.clustered) send(this.nsp, this.instance);
  }

  private tick(): void {
    const now = Date.now();
    const sinceLastTick = now - this.lastTick;
    this.lastTick = now;
    this.tell((nsp, me) => nsp.serverSideEmit('presence:heartbeat', me));
    if (sinceLastTick > this.options.peerTimeoutMs) {
      // This instance stood still (a long pause, a frozen container): the silence was ours, so the peers
      // are not dead, but they may have announced our users offline.
      this.peers.refresh(now);
      this.logs.presenceFrozen(sinceLastTick);
      this.reannounce();
    }
    for (const instance of this.peers.expire(now)) this.lost(instance, 'silent');
    for (const chatId of this.believed.keys()) {
      if (!this.nsp.adapter.rooms.has(chatRoom(chatId))) this.believed.delete(chatId);
    }
    void this.sweep();
  }

  /** The sender of a peer's message, to heed; undefined when it is malformed or from a departed peer. */
  private sender(event: keyof PresenceServerEvents, instance: unknown): string | undefined {
    const parsed = InstanceId.safeParse(instance);
    if (!parsed.success) {
      this.logs.presenceDropped(event, 'no instance id');
      return undefined;
    }
    return this.peers.heard(parsed.data, Date.now()) ? parsed.data : undefined;
  }

  private goodbye(instance: unknown): void {
    const parsed = InstanceId.safeParse(instance);
    if (!parsed.success) return this.logs.presenceDropped('presence:goodbye', 'no instance id');
    if (this.peers.leave(parsed.data, Date.now())) this.lost(parsed.data, 'goodbye');
  }

  private lost(instance: string, reason: 'silent' | 'goodbye'): void {
    this.logs.peerLost(instance, reason);
    for (const chatId of this.believed.keys()) this.dirty.add(chatId);
  }

  private changed(instance: unknown, change: unknown): void {
    if (!this.sender('presence:change', instance)) return;
    const parsed = Change.safeParse(change);
    if (!parsed.success) return this.logs.presenceDropped('presence:change', parsed.error.message);
    this.apply(parsed.data);
  }

  private recheckAsked(instance: unknown, chatId: unknown): void {
    if (!this.sender('presence:recheck', instance)) return;
    if (typeof chatId === 'string' && this.believed.has(chatId)) this.dirty.add(chatId);
  }

  private query(instance: unknown, chatIds: unknown, answer: unknown): void {
    if (typeof answer !== 'function') return this.logs.presenceDropped('presence:query', 'no ack');
    // A departed peer still gets its answer: it may be counting on one.
    this.sender('presence:query', instance);
    const parsed = ChatIds.safeParse(chatIds);
    if (!parsed.success) return this.logs.presenceDropped('presence:query', parsed.error.message);
    const rooms = Object.fromEntries(parsed.data.map((chatId) => [chatId, [...this.localHolders(chatId)]]));
    (answer as (answer: PresenceAnswer) => void)({ instance: this.instance, rooms });
  }

  /** Hand a change to this instance's sockets in the room, and remember what they now believe. */
  private apply(change: PresenceChange, exceptSocket?: string): void {
    const beliefs = this.believed.get(change.chatId);
    if (change.online) beliefs?.set(change.uid, ++this.stamp);
    else beliefs?.delete(change.uid);
    const room = this.nsp.local.to(chatRoom(change.chatId));
    (exceptSocket ? room.except(exceptSocket) : room).emit('presence', change);
  }

  /**
   * Check the dirty rooms against the live instances, and tell this instance's clients about every user
   * they believe online that nobody holds any more. A user who came online again meanwhile (a newer stamp)
   * is left alone. An incomplete answer is retried at the next tick.
   */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.dirty.size === 0) return;
    this.sweeping = true;
    try {
      const chatIds = [...this.dirty].filter((chatId) => this.believed.has(chatId));
      this.dirty.clear();
      const before = new Map(chatIds.map((chatId) => [chatId, new Map(this.believed.get(chatId))]));
      const { rooms, complete } = await this.holders(chatIds);
      if (!complete) {
        for (const chatId of chatIds) this.dirty.add(chatId);
        return;
      }
      let offline = 0;
      for (const [chatId, stamps] of before) {
        const beliefs = this.believed.get(chatId);
        for (const [uid, stamp] of stamps) {
          if (rooms.get(chatId)?.has(uid) || beliefs?.get(uid) !== stamp) continue;
          this.apply({ chatId, uid, online: false });
          offline += 1;
        }
      }
      if (offline > 0) this.logs.presenceSwept(chatIds.length, offline);
    } finally {
      this.sweeping = false;
    }
  }

  /** After this instance was frozen: tell the peers again who is here, in case they announced them gone. */
  private reannounce(): void {
    for (const chatId of this.believed.keys()) {
      for (const uid of this.localHolders(chatId)) {
        this.tell((nsp, me) => nsp.serverSideEmit('presence:change', me, { chatId, uid, online: true }));
      }
    }
  }

  private localHolders(chatId: string, exceptSocket?: string): Set<string> {
    const uids = new Set<string>();
    for (const id of this.nsp.adapter.rooms.get(chatRoom(chatId)) ?? []) {
      const socket = this.nsp.sockets.get(id);
      if (socket && id !== exceptSocket) uids.add(socket.data.session.auth.uid);
    }
    return uids;
  }

  private async holders(chatIds: string[], exceptSocket?: string): Promise<Holders> {
    const rooms = new Map(chatIds.map((chatId) => [chatId, this.localHolders(chatId, exceptSocket)]));
    if (!this.options.clustered || chatIds.length === 0) return { rooms, complete: true };
    const { answers, complete } = await this.ask(chatIds);
    for (const answer of answers) {
      for (const [chatId, uids] of Object.entries(answer.rooms)) {
        for (const uid of uids) rooms.get(chatId)?.add(uid);
      }
    }
    return { rooms, complete };
  }

  /**
   * Ask every peer who is in these rooms. The adapter waits for as many answers as Redis has subscribers,
   * which still counts a peer that died without closing its connection; on its timeout it hands over the
   * answers it got, and those are complete when every peer believed alive is among them.
   */
  private ask(chatIds: string[]): Promise<{ answers: PresenceAnswer[]; complete: boolean }> {
    if (this.closed) return Promise.resolve({ answers: [], complete: false });
    const asking = new Promise<{ answers: PresenceAnswer[]; complete: boolean }>((resolve) => {
      // The adapter never calls back when Redis itself fails.
      const guard = setTimeout(
        () => resolve({ answers: [], complete: false }),
        this.options.requestsTimeoutMs + 1000,
      );
      this.nsp.serverSideEmit(
        'presence:query',
        this.instance,
        chatIds,
        (error: Error | null, raw: unknown[]) => {
          clearTimeout(guard);
          const now = Date.now();
          const answers = (raw ?? []).flatMap((one) => {
            const parsed = Answer.safeParse(one);
            if (!parsed.success) {
              this.logs.presenceDropped('presence:query', parsed.error.message);
              return [];
            }
            return this.peers.heard(parsed.data.instance, now) ? [parsed.data] : [];
          });
          const answered = new Set(answers.map((answer) => answer.instance));
          // Until a timeout has passed since start, a live peer may not have been heard from yet.
          const knowsPeers = now - this.startedAt > this.options.peerTimeoutMs;
          const complete = !error || (knowsPeers && this.peers.alive().every((id) => answered.has(id)));
          resolve({ answers, complete });
        },
      );
    });
    this.asking.add(asking);
    void asking.finally(() => this.asking.delete(asking));
    return asking;
  }
}
