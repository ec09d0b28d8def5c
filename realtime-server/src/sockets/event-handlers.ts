import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, isAppError, parseInput, toErrorEnvelope, type Ack, type AckCallback } from '@chat/core';
import type { Logs } from '../logs';

type Payload<F> = F extends (payload: infer P, ...rest: infer _Rest) => void ? P : never;
type AckData<F> = F extends (payload: never, ack: AckCallback<infer T>) => void
  ? T
  : F extends (payload: never, ack?: AckCallback<infer T>) => void
    ? T
    : never;

/**
 * One client event: the schema its payload must match, and what it does for the socket that sent it. Its
 * result is the ack's `data`. Handlers take the socket as an argument, so one table serves every socket of
 * a namespace: a connection costs no closures of its own.
 */
export interface EventHandler<F, S> {
  schema: z.ZodType<Payload<F>>;
  run(socket: S, payload: Payload<F>): Promise<AckData<F>>;
}

/** A handler for every client event of a namespace's event map. */
export type EventHandlers<Events, S> = { [E in keyof Events & string]: EventHandler<Events[E], S> };

/** What `bindEvents` wires to each socket of a namespace: built once, shared by all of them. */
export interface EventBinding<Events, S> {
  handlers: EventHandlers<Events, S>;
  /**
   * Runs first for every event, with its arguments: false stops the event there (the session check, which
   * answers the ack and ends the socket itself).
   */
  admit(socket: S, args: unknown[]): boolean;
  logs: Logs;
  eventsPerSecond: number;
}

type AnyHandler<S> = EventHandler<(payload: unknown, ack: AckCallback<unknown>) => void, S>;

/**
 * Wire a namespace's table of handlers to a socket. Every event is first admitted (`binding.admit`), then
 * validated with its schema and answered with `{ ok: true, data }` or `{ ok: false, error }` (the REST
 * error envelope's `error`, same codes). Unknown events, a socket over its event rate and events that
 * cannot be answered are dropped with a log line: nothing a client sends can throw out of a handler.
 * Events are dispatched from one middleware instead of one listener per event.
 */
export function bindEvents<Events, S extends Socket>(
  socket: S,
  uid: string,
  binding: EventBinding<Events, S>,
): void {
  const { logs, eventsPerSecond } = binding;
  const table = binding.handlers as unknown as Record<string, AnyHandler<S>>;
  const gate = new EventGate(eventsPerSecond);

  socket.use(([event, ...args]) => {
    if (!binding.admit(socket, args)) return;
    const ack = ackOf(args);
    if (!gate.take()) {
      gate.dropped((count) =>
        logs.eventDropped(String(event), uid, `over ${eventsPerSecond} events/s (${count} dropped)`),
      );
      ack?.(
        failure(
          new AppError('resource-exhausted', `Slow down: at most ${eventsPerSecond} events per second.`),
        ),
      );
      return;
    }
    const handler = typeof event === 'string' && Object.hasOwn(table, event) ? table[event] : undefined;
    if (!handler) {
      gate.dropped(() => logs.eventDropped(String(event).slice(0, 64), uid, 'unknown event'));
      ack?.(failure(AppError.notFound(`Unknown event "${String(event).slice(0, 64)}".`)));
      return;
    }
    void answer(socket, uid, logs, String(event), handler, args[0], ack);
  });
}

async function answer<S>(
  socket: S,
  uid: string,
  logs: Logs,
  event: string,
  handler: AnyHandler<S>,
  raw: unknown,
  ack: AckCallback<unknown> | undefined,
): Promise<void> {
  let result: Ack<unknown>;
  try {
    const payload = parseInput(handler.schema, raw, 'payload');
    result = { ok: true, data: await handler.run(socket, payload) };
  } catch (error) {
    if (isAppError(error)) {
      logs.eventRejected(event, uid, error);
      result = failure(error);
    } else {
      logs.eventFailed(event, uid, error);
      result = failure(new AppError('internal', 'Something went wrong on our side. It has been logged.'));
    }
  }
  if (ack) ack(result);
  else if (!result.ok) logs.eventDropped(event, uid, `failed without an ack callback: ${result.error.code}`);
}

/** Turn an AppError into the failed ack every client event answers with. */
export function failure(error: AppError): Ack<never> {
  return { ok: false, error: toErrorEnvelope(error).error };
}

function ackOf(args: unknown[]): AckCallback<unknown> | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as AckCallback<unknown>) : undefined;
}

/**
 * A socket's event rate: up to `perSecond` events a second on average, bursts of twice that; and at most
 * one drop log line a second, counting what it stood for, so a flood cannot flood the logs.
 */
class EventGate {
  private tokens: number;
  private last = Date.now();
  private loggedAt = 0;
  private pending = 0;

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond * 2;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  dropped(write: (count: number) => void): void {
    this.pending += 1;
    const now = Date.now();
    if (now - this.loggedAt < 1000) return;
    write(this.pending);
    this.loggedAt = now;
    this.pending = 0;
  }
}
