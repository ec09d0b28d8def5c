/**
 * Payload fuzzing of every client → server event of both namespaces, against the relay that runs on Cloud
 * Run (createRelay, on a real port) on the real emulators. Payloads are generated from each
 * event's zod schema (as JSON Schema, by the same generator as the REST contract fuzzing, seeded and
 * printed: FUZZ_SEED=<seed> replays a run), plus what only a socket can send: no payload, a binary one,
 * the ack as the payload, no ack, an ack that is not a function. The relay must never throw, leave a
 * rejection unhandled or log an internal error, every ack must be the documented `{ ok, data | error }` with an error of the envelope's
 * shape, and a well-behaved socket connected meanwhile must stay connected and still get the next message.
 * Single cases (unknown events, packets past the size limit, floods) are in malformed.test.ts.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Socket } from 'socket.io-client';
import {
  AuthRefreshPayload,
  ChatJoinPayload,
  ChatLeavePayload,
  ErrorEnvelope,
  MessagePrivatePayload,
  MessageReadPayload,
  MessageSendPayload,
  NotificationsSubscribePayload,
  TypingPayload,
  type ChatClientEvents,
  type Message,
  type NotificationClientEvents,
} from '@chat/core';
import { bodyVariants, sampler, type Schema } from '../../functions/test/contract-fuzz-cases';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { Harness, next, type RunningRelay } from './support';

// CI replays one known seed, so a run that must be green cannot fail on a case nobody has seen; local
// runs explore a new seed each time and print it.
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 985146588 : randomInt(2 ** 31)));

/** Every client event, by namespace; `satisfies` fails the build when events.ts gains one not listed here. */
const CHAT_EVENTS = {
  'chat:join': ChatJoinPayload,
  'chat:leave': ChatLeavePayload,
  'message:send': MessageSendPayload,
  'message:private': MessagePrivatePayload,
  'message:read': MessageReadPayload,
  typing: TypingPayload,
  'auth:refresh': AuthRefreshPayload,
} satisfies Record<keyof ChatClientEvents, z.ZodType>;
const NOTIFICATION_EVENTS = {
  'notifications:subscribe': NotificationsSubscribePayload,
  'auth:refresh': AuthRefreshPayload,
} satisfies Record<keyof NotificationClientEvents, z.ZodType>;

/** Under the relay's packet limit (16 KiB): a larger packet closes the connection, on purpose. */
const MAX_CASE_BYTES = 12_000;
const AckShape = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorEnvelope.shape.error }),
]);

interface SocketCase {
  what: string;
  /** The arguments after the event name; a function among them is the ack. */
  args: unknown[];
  expect: 'refused' | 'either';
}

function casesFor(event: string, schema: z.ZodType, known: Record<string, unknown>): SocketCase[] {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as Schema;
  const cases: SocketCase[] = bodyVariants(jsonSchema, known, sampler(SEED, event))
    // socket.io-client walks a payload recursively before sending it: 5,000 nested arrays overflow its stack.
    .filter(
      (variant) => Buffer.byteLength(variant.text) <= MAX_CASE_BYTES && !variant.text.startsWith('[[[['),
    )
    .map((variant) => ({
      what: variant.what,
      args: [JSON.parse(variant.text) as unknown],
      // On the wire 1e999 (Infinity) becomes null, and JSON Schema counts code points where zod counts
      // UTF-16 units: such cases may be valid payloads by the time the relay sees them.
      expect: /1e999|emoji/.test(variant.what) ? ('either' as const) : variant.expect,
    }));
  cases.push(
    { what: 'no payload', args: [], expect: 'refused' },
    { what: 'a binary payload', args: [Buffer.from('{"chatId":"x"}')], expect: 'refused' },
    { what: 'two payloads', args: [{}, {}], expect: 'either' },
  );
  return cases;
}

let h: Harness;
let running: RunningRelay;
let alice: TestUser; // the fuzzer
let bob: TestUser; // the bystander
let chatId: string;
let known: Record<string, unknown>;

beforeAll(async () => {
  console.log(`socket payload fuzzing: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  h = new Harness();
  // A high event rate, so every case reaches validation instead of the flood control.
  running = await h.startRelay({ EVENTS_PER_SECOND: '100000', MAX_ROOMS_PER_SOCKET: '1000' });
  [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
  chatId = await h.groupChat(alice, [bob]);
  const message = await h.send(alice, chatId, 'the message the fuzzer aims at');
  known = { chatId, messageId: message.id, after: message.id, to: bob.uid, clientMessageId: 'fuzz-key' };
}, 120_000);
afterAll(() => h.cleanup());

/** Emits `args` on `socket`; with an ack, the answer (or a timeout error), without one, null. */
async function emit(socket: Socket, event: string, args: unknown[], withAck: boolean): Promise<unknown> {
  if (!withAck) {
    socket.emit(event, ...args);
    return null;
  }
  return socket.timeout(10_000).emitWithAck(event, ...args);
}

describe('payload fuzzing of every relay event', () => {
  it('when every client event gets payloads generated from its schema, then the relay never crashes, every ack is the documented shape, and a bystander stays served', async () => {
    const startedAt = Date.now();
    // The relay runs in this process: a rejection nobody handled would surface here (Jest fails the test on
    // an uncaught exception by itself).
    const strayRejections: unknown[] = [];
    const onRejection = (reason: unknown) => strayRejections.push(reason);
    process.on('unhandledRejection', onRejection);
    h.defer(() => {
      process.off('unhandledRejection', onRejection);
    });
    const bystander = await h.chat(running.relay, bob.idToken);
    const bystanderDisconnects: string[] = [];
    bystander.on('disconnect', (reason) => bystanderDisconnects.push(reason));
    await bystander.timeout(10_000).emitWithAck('chat:join', { chatId });

    const failures: string[] = [];
    const tallies: Array<[string, { cases: number; ok: number; codes: Record<string, number> }]> = [];
    let fuzzerDisconnects = 0;
    const namespaces = [
      ['/chat', CHAT_EVENTS],
      ['/notifications', NOTIFICATION_EVENTS],
    ] as const;
    for (const [namespace, events] of namespaces) {
      const open = async () => {
        const socket =
          namespace === '/chat'
            ? ((await h.chat(running.relay, alice.idToken)) as unknown as Socket)
            : ((await h.notifications(running.relay, alice.idToken)) as unknown as Socket);
        socket.on('disconnect', () => fuzzerDisconnects++);
        return socket;
      };
      let socket = await open();
      for (const [event, schema] of Object.entries(events)) {
        const tally = { cases: 0, ok: 0, codes: {} as Record<string, number> };
        tallies.push([`${namespace} ${event}`, tally]);
        const cases = casesFor(event, schema, known);
        // Each payload also once without an ack, and once with a last argument that is not a function.
        const variants = cases.flatMap((c, i) =>
          i % 4 === 0
            ? [
                { ...c, withAck: true },
                { ...c, what: `${c.what}, no ack`, withAck: false },
                { ...c, what: `${c.what}, ack not a function`, args: [...c.args, 'ack'], withAck: false },
              ]
            : [{ ...c, withAck: true }],
        );
        variants.push({ what: 'the ack as the payload', args: [], expect: 'refused', withAck: true });
        for (const c of variants) {
          if (!socket.connected) socket = await open();
          tally.cases++;
          const answer = await emit(socket, event, c.args, c.withAck).catch((error: Error) => error);
          if (!c.withAck) continue;
          if (answer instanceof Error) {
            failures.push(`${namespace} ${event}: ${c.what}: ${answer.message}`);
            continue;
          }
          const parsed = AckShape.safeParse(answer);
          if (!parsed.success) {
            failures.push(
              `${namespace} ${event}: ${c.what}: an ack of another shape: ${JSON.stringify(answer)}`,
            );
            continue;
          }
          if (parsed.data.ok) {
            tally.ok++;
            if (c.expect === 'refused') failures.push(`${namespace} ${event}: ${c.what}: accepted`);
          } else {
            const { code } = parsed.data.error;
            tally.codes[code] = (tally.codes[code] ?? 0) + 1;
            if (code === 'internal' || parsed.data.error.status >= 500)
              failures.push(`${namespace} ${event}: ${c.what}: ${code}`);
          }
        }
      }
      socket.disconnect();
    }

    // The bystander is still connected and still served.
    const arrival = next<Message>(bystander, 'message:new');
    const sent = await h.send(alice, chatId, 'after the fuzzing');
    expect((await arrival).id).toBe(sent.id);
    expect(bystanderDisconnects).toEqual([]);

    const total = tallies.reduce((sum, [, t]) => sum + t.cases, 0);
    const errors = running.logs.filter(
      (entry) => entry.severity === 'ERROR' || /unhandled|uncaught/i.test(String(entry.message)),
    );
    console.log(
      `socket payload fuzzing: ${total} cases over ${tallies.length} events, ` +
        `${errors.length} ERROR log lines, ${fuzzerDisconnects} fuzzer disconnects, ` +
        `${((Date.now() - startedAt) / 1000).toFixed(1)} s (seed ${SEED})\n` +
        tallies
          .map(
            ([name, t]) =>
              `  ${String(t.cases).padStart(4)}  ${name.padEnd(40)} ok×${t.ok} ${Object.entries(t.codes)
                .map(([code, n]) => `${code}×${n}`)
                .join(' ')}`,
          )
          .join('\n'),
    );
    expect(failures).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([]);
    // The process is alive: it answers its health check.
    expect((await fetch(`${running.relay.url}/healthz`)).status).toBe(200);
    expect(strayRejections).toEqual([]);
  }, 300_000);
});
