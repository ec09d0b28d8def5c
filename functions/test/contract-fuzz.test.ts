/**
 * Contract fuzzing: every operation of the OpenAPI document gets requests generated from its JSON Schemas
 * (contract-fuzz-cases.ts) against the real emulators. Every answer must be below 500, every 4xx the error
 * envelope with a message, a request that breaks the schema must be refused, and a refused request must
 * leave the Firestore documents of the users involved exactly as they were (firestore-snapshot.ts).
 *
 * The whole campaign runs through the exact Express app (createApp) on a real port, because the Functions
 * emulator answers one request in 0.1 to 3 s on a shared machine; a slice of every route's cases then runs
 * through the Functions emulator's function URL, where the framework parses bodies and paths first.
 * fast-check's seed is printed; FUZZ_SEED=<seed> replays a run, FUZZ_URL_CASES=<n> widens the slice.
 */
import { randomInt } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorEnvelope } from '@chat/core';
import { buildOpenApiDocument } from '../src/openapi';
import { apiRoutes } from '../src/routes/api-routes';
import { newGroup, newPerson, send, eventually, type Person } from './chat-support';
import { fuzzCases, type FuzzCase, type Operation } from './contract-fuzz-cases';
import { differences, settledSnapshot, snapshotOf } from './firestore-snapshot';
import { closeRawConnections, rawRequest, type RawAnswer } from './raw-http';
import { createHarness, requireEnv, type Harness } from './support';

// CI replays one known seed, so a run that must be green cannot fail on a case nobody has seen; local
// runs explore a new seed each time and print it.
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 985146588 : randomInt(2 ** 31)));
const URL_CASES_PER_ROUTE = Number(process.env.FUZZ_URL_CASES ?? 1);
const API_URL = requireEnv('API_URL');
const document = buildOpenApiDocument(apiRoutes);

let h: Harness;
let server: Server;
let appUrl: string;
let member: Person; // owns the group, sends the message
let peer: Person; // the other member
let target: Person; // the user that uid-shaped inputs name: not in the group
let admin: Person;
let known: Record<string, unknown>;
let uids: string[];

beforeAll(async () => {
  console.log(`contract fuzzing: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  h = createHarness();
  server = h.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [member, peer, target, admin] = await Promise.all([
    newPerson(h),
    newPerson(h),
    newPerson(h),
    newPerson(h, { admin: true }),
  ]);
  const chatId = await newGroup(member, [peer]);
  const message = await send(member, chatId, 'the message the fuzzer aims at');
  // The userCreated trigger (in the Functions emulator) greets each user: wait, so it is not blamed on a case.
  const welcomes = await eventually(
    () =>
      Promise.all(
        [member, peer, target, admin].map((p) => h.db.doc(`users/${p.uid}/notifications/welcome`).get()),
      ),
    (docs) => docs.every((d) => d.exists),
  );
  expect(welcomes.every((d) => d.exists)).toBe(true);
  known = {
    chatId,
    messageId: message.id,
    uid: target.uid,
    memberId: target.uid,
    to: target.uid,
    notificationId: 'welcome',
    memberIds: [],
  };
  uids = [member, peer, target, admin].map((p) => p.uid);
}, 120_000);

afterAll(async () => {
  closeRawConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

interface Operations {
  method: string;
  path: string;
  auth: 'none' | 'user' | 'admin';
  operation: Operation;
}

function operations(): Operations[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => {
      const route = apiRoutes.find((r) => r.method === method && r.path.replace(/:(\w+)/g, '{$1}') === path);
      if (!route) throw new Error(`${method} ${path} is in the document but not in the route table.`);
      return { method, path, auth: route.auth, operation };
    }),
  );
}

function casesOf(op: Operations, extraHeaders: Record<string, string> = {}): FuzzCase[] {
  const caller = op.auth === 'admin' ? admin : op.auth === 'user' ? member : undefined;
  return fuzzCases({
    method: op.method,
    path: op.path,
    operation: op.operation,
    known,
    seed: SEED,
    headers: { ...(caller ? { Authorization: `Bearer ${caller.idToken}` } : {}), ...extraHeaders },
  });
}

/**
 * Answers the Functions emulator gives before the app runs: a path with a broken %-escape is refused by
 * firebase-tools' own router with an HTML page that carries a stack trace (production's front end is not
 * this router; the app itself answers those with the envelope, as the first test shows). Counted, printed.
 */
let emulatorOwned = 0;

/** What is wrong with an answer; empty when it is one the API may give. */
function problemsWith(c: FuzzCase, answer: RawAnswer, throughFramework: boolean): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (c.expect === 'refused' && answer.status < 400)
    problems.push(`accepted (${answer.status}) what breaks the schema`);
  if (throughFramework && answer.status === 400 && answer.text.includes('URIError: Failed to decode param')) {
    emulatorOwned++;
    return problems;
  }
  if (answer.status >= 400 && answer.status < 500) {
    // Invalid JSON sent as JSON never reaches the app inside Cloud Functions: the framework answers it
    // (README, "The error envelope"). It must still be a 400 that shows nothing of the server.
    const frameworkParses = throughFramework && /^application\/json/.test(c.headers['Content-Type'] ?? '');
    let envelope: ErrorEnvelope | undefined;
    try {
      envelope = ErrorEnvelope.parse(JSON.parse(answer.text));
    } catch {
      if (!(frameworkParses && answer.status === 400))
        problems.push(`${answer.status} not in the error envelope: ${answer.text.slice(0, 200)}`);
    }
    if (envelope && (envelope.error.status !== answer.status || envelope.error.message.trim() === ''))
      problems.push(`envelope status ${envelope.error.status} or empty message on a ${answer.status}`);
  }
  if (/\n\s+at |node_modules|\.js:\d+/.test(answer.text))
    problems.push('the answer shows a stack trace or a file');
  return problems;
}

interface Tally {
  cases: number;
  /** Cases in a batch that also held an accepted write, so their own effect could not be told apart. */
  unchecked: number;
  byStatus: Record<number, number>;
}

/**
 * Send the cases of one operation to `base` in batches, each between two pictures of Firestore: the cases
 * that break the schema (all must be refused), then the others, whose inputs are sound in shape (the path
 * and query ones, then the body ones). A batch with an accepted case cannot be checked as a whole and is
 * counted as unchecked; a GET must change nothing whatever its answers. After an accepted write, the
 * triggers it set off are waited out before the next picture.
 */
async function runOperation(
  base: string,
  op: Operations,
  cases: FuzzCase[],
  failures: string[],
  tally: Tally,
) {
  const name = `${op.method.toUpperCase()} ${op.path}`;
  const isRead = op.method === 'get';
  const batches = isRead
    ? [cases]
    : [
        cases.filter((c) => c.expect === 'refused'),
        cases.filter((c) => c.expect === 'either' && !c.what.startsWith('body ')),
        cases.filter((c) => c.expect === 'either' && c.what.startsWith('body ')),
      ];
  for (const batch of batches.filter((b) => b.length > 0)) {
    const before = dirty ? await settledSnapshot(h.db, uids) : await snapshotOf(h.db, uids);
    dirty = false;
    let accepted = 0;
    const sendOne = async (c: FuzzCase) => {
      const answer = await rawRequest(
        base,
        { method: c.method, path: c.path, headers: c.headers, body: c.body },
        60_000,
      ).catch((error: Error) => {
        failures.push(`${name}: ${c.what}: ${error.message}`);
        return null;
      });
      if (!answer) return;
      tally.cases++;
      tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
      for (const problem of problemsWith(c, answer, base === API_URL))
        failures.push(`${name}: ${c.what}: ${problem}`);
      if (answer.status < 400 && !isRead) accepted++;
    };
    // A few at a time: the app in-process takes that well; the Functions emulator gets one at a time.
    const lanes = base === API_URL ? 1 : 4;
    const queue = [...batch];
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) await sendOne(c);
      }),
    );
    if (accepted > 0) {
      dirty = true;
      tally.unchecked += batch.length;
      continue;
    }
    const changed = differences(before, await snapshotOf(h.db, uids));
    if (changed.length > 0)
      failures.push(
        `${name}: ${isRead ? 'reading' : 'refused requests'} changed Firestore: ${changed.slice(0, 5).join(', ')}`,
      );
  }
}

/** Whether an accepted write may still have triggers running. */
let dirty = true;

function report(title: string, tallies: Map<string, Tally>, startedAt: number) {
  const lines = [...tallies].map(
    ([name, t]) =>
      `  ${String(t.cases).padStart(4)}  ${name.padEnd(50)} ${String(t.unchecked).padStart(3)} unchecked  ${Object.entries(
        t.byStatus,
      )
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
  );
  const total = [...tallies.values()].reduce((sum, t) => sum + t.cases, 0);
  const fives = [...tallies.values()].reduce(
    (sum, t) =>
      sum +
      Object.entries(t.byStatus)
        .filter(([s]) => Number(s) >= 500)
        .reduce((n, [, c]) => n + c, 0),
    0,
  );
  console.log(
    `${title}: ${total} cases over ${tallies.size} operations, ${fives} answers 5xx, ` +
      `${((Date.now() - startedAt) / 1000).toFixed(1)} s (seed ${SEED})\n${lines.join('\n')}`,
  );
}

describe('contract fuzzing of every REST operation', () => {
  it('when every operation gets inputs generated from its schemas, then no answer is 5xx, every 4xx is the envelope, and a refusal changes nothing', async () => {
    const startedAt = Date.now();
    const failures: string[] = [];
    const tallies = new Map<string, Tally>();
    for (const op of operations()) {
      const tally: Tally = { cases: 0, unchecked: 0, byStatus: {} };
      tallies.set(`${op.method.toUpperCase()} ${op.path}`, tally);
      await runOperation(appUrl, op, casesOf(op), failures, tally);
    }
    report('contract fuzzing through the app', tallies, startedAt);
    expect(failures).toEqual([]);
    expect(tallies.size).toBe(apiRoutes.length);
  }, 600_000);

  it('when a slice of those cases goes through the Functions emulator, then the framework in front changes none of the rules', async () => {
    const startedAt = Date.now();
    const failures: string[] = [];
    const tallies = new Map<string, Tally>();
    // Its own client address (the emulator passes X-Forwarded-For on), so this run does not spend the
    // per-IP budget the other suites calling the function URL share.
    const ip = { 'X-Forwarded-For': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
    // Announcements accepted by the first campaign are still being fanned out by their trigger, into these
    // users' inboxes too: start from a picture that has stopped moving.
    await settledSnapshot(h.db, uids, { quietMs: 3_000, timeoutMs: 60_000 });
    dirty = false;
    for (const [index, op] of operations().entries()) {
      const all = casesOf(op, ip);
      // A different kind of case for each route, and on every fourth the bodies the framework parses first.
      const picked = Array.from(
        { length: URL_CASES_PER_ROUTE },
        (_, k) => all[(index * 7 + k * 13) % all.length],
      );
      const framework = all.filter(
        (c) => c.what === 'content type JSON, invalid' || c.what === 'content type text/plain',
      );
      const cases = [...new Set([...picked, ...(index % 4 === 0 ? framework : [])])];
      const tally: Tally = { cases: 0, unchecked: 0, byStatus: {} };
      tallies.set(`${op.method.toUpperCase()} ${op.path}`, tally);
      await runOperation(API_URL, op, cases, failures, tally);
    }
    report('contract fuzzing through the function URL', tallies, startedAt);
    console.log(
      `answered by the emulator's router before the app (broken %-escapes in the path): ${emulatorOwned}`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
