import * as crypto from 'crypto';
import * as http from 'http';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import { formatFieldPath } from './paths';
import type { CommitEvent, DocumentChange, Store, StoredDocument } from './store';
import { toTimestamp, type Time } from './time';
import { fieldsIdentical, valuesIdentical } from './values';

/**
 * 2nd-gen Firestore triggers, as the Functions emulator registers them
 * (firebase-tools lib/emulator/functionsEmulator.js, getV2FirestoreAttributes), and their delivery as
 * binary-mode CloudEvents to `POST /functions/projects/{project}/triggers/{key}` on the Functions emulator.
 *
 * The body is a base64 DocumentEventData protobuf with `Content-Type: application/protobuf`: the
 * Functions emulator base64-decodes it (handleHttpsTrigger) and firebase-functions decodes the protobuf
 * (lib/common/providers/firestore.js, createSnapshotFromProtobuf). event.params come from the
 * `ce-document` header matched against the function's own pattern.
 */

export const FIRESTORE_EVENT_TYPES = ['written', 'created', 'updated', 'deleted'].map(
  (t) => `google.cloud.firestore.document.v1.${t}`,
);

/** One registered trigger; `key` is the Functions emulator's trigger key (`{functionId}-{generation}`). */
export interface TriggerRegistration {
  projectId: string;
  key: string;
  eventType: string;
  /** The database id, '(default)' unless the function names another. */
  database: string;
  namespace: string;
  document: { value: string; matchType: 'EXACT' | 'PATH_PATTERN' };
}

export interface TriggerDispatcherOptions {
  /**
   * host:port of the Functions emulator. Can also be set later with `setFunctionsEmulatorHost`.
   * @default process.env.FUNCTIONS_EMULATOR_HOST, read once by the server
   */
  functionsEmulatorHost?: string;
  /** Attempts per event on connection errors (a function that fails is not retried, as with retry: false). @default 3 */
  maxAttempts?: number;
  /** Delay before the first retry, doubled after each. @default 250 */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

/** A validation failure of a registration body; the HTTP layer turns it into a 400. */
export class TriggerValidationError extends Error {}

interface PendingEvent {
  trigger: TriggerRegistration;
  headers: Record<string, string>;
  body: string;
  documentName: string;
}

/** Events that arrived before the Functions emulator's address was known are kept, up to this many. */
const MAX_PENDING = 1000;

const eventDataType = protobuf
  .loadSync(path.join(__dirname, '..', 'protos', 'document_event_data.proto'))
  .lookupType('google.events.cloud.firestore.v1.DocumentEventData');

/** Holds the registered triggers and delivers a CloudEvent for every matching document change. */
export class TriggerDispatcher {
  private readonly triggers = new Map<string, TriggerRegistration>();
  private readonly unsubscribe: () => void;
  /** The tail of each document's delivery chain, so one document's events arrive in commit order. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly log: (line: string) => void;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private functionsHost: string | undefined;
  private pending: PendingEvent[] = [];
  private closed = false;
  private suppressed = 0;

  constructor(store: Store, options: TriggerDispatcherOptions = {}) {
    if (options.functionsEmulatorHost) checkHostAndPort(options.functionsEmulatorHost);
    this.functionsHost = options.functionsEmulatorHost || undefined;
    this.log = options.log ?? (() => undefined);
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.unsubscribe = store.onCommit((e) => this.onCommit(e));
  }

  /** Adds or replaces a trigger; throws TriggerValidationError on a malformed body. */
  register(projectId: string, key: string, body: unknown): TriggerRegistration {
    const trigger = parseRegistration(projectId, key, body);
    this.triggers.set(registryKey(projectId, key), trigger);
    this.log(`trigger registered: ${key} ${trigger.eventType} ${trigger.document.value} (${projectId})`);
    return trigger;
  }

  unregister(projectId: string, key: string): boolean {
    return this.triggers.delete(registryKey(projectId, key));
  }

  list(projectId: string): TriggerRegistration[] {
    return [...this.triggers.values()].filter((t) => t.projectId === projectId);
  }

  get functionsEmulatorHost(): string | undefined {
    return this.functionsHost;
  }

  /** Points delivery at a Functions emulator and sends the events that were waiting for it. */
  setFunctionsEmulatorHost(hostAndPort: string): void {
    checkHostAndPort(hostAndPort);
    this.functionsHost = hostAndPort;
    this.log(`delivering Firestore events to the Functions emulator at ${hostAndPort}`);
    const waiting = this.pending;
    this.pending = [];
    for (const event of waiting) this.enqueue(event);
  }

  /**
   * Runs `fn` (synchronous store calls) without firing triggers for the commits it makes. Clearing the
   * data between tests must not run every onDocumentDeleted function.
   */
  withoutDelivery<T>(fn: () => T): T {
    this.suppressed++;
    try {
      return fn();
    } finally {
      this.suppressed--;
    }
  }

  /** Stops listening to commits and waits for the deliveries under way. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.pending = [];
    await Promise.allSettled([...this.chains.values()]);
    this.agent.destroy();
  }

  private onCommit(event: CommitEvent): void {
    if (this.triggers.size === 0 || this.suppressed > 0) return;
    const [, projectId, , databaseId] = event.database.split('/');
    for (const change of event.changes) {
      const kind = changeKind(change);
      if (!kind) continue;
      const documentPath = relativeDocumentPath(change.name);
      for (const trigger of this.triggers.values()) {
        if (trigger.projectId !== projectId || trigger.database !== databaseId) continue;
        if (!eventTypeMatches(trigger.eventType, kind)) continue;
        if (!documentMatches(trigger.document, documentPath)) continue;
        try {
          this.enqueue(buildEvent(trigger, change, event.commitTime, documentPath));
        } catch (err) {
          // This runs inside the store's commit; a bad event must not fail the write.
          this.log(
            `cannot build the event for ${trigger.key} on ${change.name}: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
      }
    }
  }

  private enqueue(event: PendingEvent): void {
    if (this.closed) return;
    if (!this.functionsHost) {
      if (this.pending.length >= MAX_PENDING) {
        this.log(`dropping Firestore event for ${event.trigger.key}: no Functions emulator host is known`);
        return;
      }
      if (this.pending.length === 0) {
        this.log(
          'Firestore events are waiting: set FUNCTIONS_EMULATOR_HOST or PUT /emulator/v1/functionsEmulatorHost',
        );
      }
      this.pending.push(event);
      return;
    }
    const name = event.documentName;
    const previous = this.chains.get(name) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(event));
    this.chains.set(name, next);
    void next.finally(() => {
      if (this.chains.get(name) === next) this.chains.delete(name);
    });
  }

  private async deliver(event: PendingEvent): Promise<void> {
    const { trigger } = event;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const host = this.functionsHost;
      if (!host || this.closed) return;
      try {
        const status = await post(this.agent, host, deliveryPath(trigger), event.headers, event.body);
        if (status === 404) {
          // The Functions emulator renames triggers on every reload (`{id}-{generation}`) and never
          // unregisters the old key, so a 404 means this registration is stale.
          this.triggers.delete(registryKey(trigger.projectId, trigger.key));
          this.log(`trigger ${trigger.key} is unknown to the Functions emulator (404); unregistered it`);
        } else if (status >= 300) {
          this.log(`trigger ${trigger.key} failed for ${event.documentName}: HTTP ${status}`);
        }
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (attempt === this.maxAttempts) {
          this.log(`giving up on trigger ${trigger.key} for ${event.documentName}: ${message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  }
}

function checkHostAndPort(value: string): void {
  if (!/^[^\s/:]+:\d+$|^\[[0-9a-fA-F:.]+\]:\d+$/.test(value)) {
    throw new TriggerValidationError(`the Functions emulator host must be host:port, got "${value}"`);
  }
}

type ChangeKind = 'created' | 'updated' | 'deleted';

function changeKind(change: DocumentChange): ChangeKind | undefined {
  const { before, after } = change;
  if (!before && after) return 'created';
  if (before && !after) return 'deleted';
  if (before && after) {
    // A write that changed nothing keeps its update time and fires no event.
    const same =
      before.updateTime.seconds === after.updateTime.seconds &&
      before.updateTime.nanos === after.updateTime.nanos;
    return same ? undefined : 'updated';
  }
  return undefined;
}

function eventTypeMatches(eventType: string, kind: ChangeKind): boolean {
  const base = eventType.replace(/\.withAuthContext$/, '');
  return (
    base === 'google.cloud.firestore.document.v1.written' ||
    base === `google.cloud.firestore.document.v1.${kind}`
  );
}

function relativeDocumentPath(name: string): string {
  const marker = '/documents/';
  return name.slice(name.indexOf(marker) + marker.length);
}

/**
 * Matches a document path against a trigger's pattern: `{param}` (or `*`) is one segment,
 * `{param=**}` (or `**`) any number of segments; EXACT compares literally.
 */
export function documentMatches(document: TriggerRegistration['document'], documentPath: string): boolean {
  if (document.matchType === 'EXACT') return trimSlashes(document.value) === documentPath;
  return matchSegments(trimSlashes(document.value).split('/'), documentPath.split('/'));
}

function matchSegments(pattern: string[], segments: string[]): boolean {
  if (pattern.length === 0) return segments.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**' || /^\{[^}=]+=\*\*\}$/.test(head)) {
    for (let taken = 0; taken <= segments.length; taken++) {
      if (matchSegments(rest, segments.slice(taken))) return true;
    }
    return false;
  }
  if (segments.length === 0) return false;
  const single = head === '*' || /^\{[^}=]+(=\*)?\}$/.test(head);
  return (single || head === segments[0]) && matchSegments(rest, segments.slice(1));
}

const trimSlashes = (s: string): string => s.replace(/^\/+|\/+$/g, '');

function buildEvent(
  trigger: TriggerRegistration,
  change: DocumentChange,
  commitTime: Time,
  documentPath: string,
): PendingEvent {
  const database = `projects/${trigger.projectId}/databases/${trigger.database}`;
  const data = {
    value: change.after ? toEventDocument(change.after) : undefined,
    oldValue: change.before ? toEventDocument(change.before) : undefined,
    updateMask:
      change.before && change.after ? { fieldPaths: changedFields(change.before, change.after) } : undefined,
  };
  const encoded = eventDataType.encode(eventDataType.fromObject(data)).finish();
  const headers: Record<string, string> = {
    'Content-Type': 'application/protobuf',
    'ce-specversion': '1.0',
    // One id per change, shared by every trigger and every retry, so functions can deduplicate on it.
    'ce-id': crypto
      .createHash('sha256')
      .update(`${change.name}@${commitTime.seconds}.${commitTime.nanos}`)
      .digest('hex')
      .slice(0, 32),
    'ce-source': `//firestore.googleapis.com/${database}`,
    'ce-type': trigger.eventType,
    'ce-subject': `documents/${documentPath}`,
    'ce-time': rfc3339(commitTime),
    'ce-project': trigger.projectId,
    'ce-database': trigger.database,
    'ce-namespace': trigger.namespace,
    'ce-document': documentPath,
  };
  if (trigger.eventType.endsWith('.withAuthContext')) headers['ce-authtype'] = 'unknown';
  return { trigger, headers, body: Buffer.from(encoded).toString('base64'), documentName: change.name };
}

function toEventDocument(doc: StoredDocument): Record<string, unknown> {
  return {
    name: doc.name,
    fields: doc.fields,
    createTime: toTimestamp(doc.createTime),
    updateTime: toTimestamp(doc.updateTime),
  };
}

/** Top-level fields that were added, changed or removed, as the update mask reports them. */
function changedFields(before: StoredDocument, after: StoredDocument): string[] {
  if (fieldsIdentical(before.fields, after.fields)) return [];
  const keys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  return [...keys]
    .filter(
      (k) => !(k in before.fields && k in after.fields && valuesIdentical(before.fields[k], after.fields[k])),
    )
    .sort()
    .map((k) => formatFieldPath([k]));
}

function rfc3339(t: Time): string {
  const iso = new Date(t.seconds * 1000).toISOString();
  return `${iso.slice(0, 19)}.${String(t.nanos).padStart(9, '0').slice(0, 6)}Z`;
}

function deliveryPath(trigger: TriggerRegistration): string {
  return `/functions/projects/${encodeURIComponent(trigger.projectId)}/triggers/${encodeURIComponent(trigger.key)}`;
}

function post(
  agent: http.Agent,
  hostAndPort: string,
  requestPath: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  const url = new URL(`http://${hostAndPort}${requestPath}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        timeout: 120_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out waiting for the Functions emulator')));
    req.on('error', reject);
    req.end(body);
  });
}

const registryKey = (projectId: string, key: string): string => `${projectId}\u0000${key}`;

function parseRegistration(projectId: string, key: string, body: unknown): TriggerRegistration {
  if (!key) throw new TriggerValidationError('eventarcTriggerId is required');
  if (typeof body !== 'object' || body === null)
    throw new TriggerValidationError('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  const eventType = b.eventType;
  if (
    typeof eventType !== 'string' ||
    !FIRESTORE_EVENT_TYPES.includes(eventType.replace(/\.withAuthContext$/, ''))
  ) {
    throw new TriggerValidationError(`unsupported eventType: ${JSON.stringify(eventType)}`);
  }
  const document = b.document as Record<string, unknown> | undefined;
  if (
    typeof document !== 'object' ||
    document === null ||
    typeof document.value !== 'string' ||
    !document.value
  ) {
    throw new TriggerValidationError('document.value is required');
  }
  const matchType = document.matchType ?? 'EXACT';
  if (matchType !== 'EXACT' && matchType !== 'PATH_PATTERN') {
    throw new TriggerValidationError(
      `document.matchType must be EXACT or PATH_PATTERN, got ${JSON.stringify(matchType)}`,
    );
  }
  const database = typeof b.database === 'string' && b.database ? b.database : '(default)';
  const namespace = typeof b.namespace === 'string' && b.namespace ? b.namespace : '(default)';
  return { projectId, key, eventType, database, namespace, document: { value: document.value, matchType } };
}
