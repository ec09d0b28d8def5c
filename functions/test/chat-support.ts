/**
 * Helpers for the chat API suites: signed-in users with profiles, a client that calls the exact app as one
 * of them, and a poll for effects of the triggers running in the Functions emulator.
 */
import request from 'supertest';
import { createServices, type MessageFanOut } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { onMessageCreated } from '../src/triggers/message-created';
import type { Harness } from './support';

export interface Person extends TestUser {
  /** Calls the app as this user. */
  api: Client;
}

export interface Client {
  get(path: string, query?: Record<string, string | number | boolean>): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
  patch(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

export function clientFor(h: Harness, idToken: string): Client {
  const auth = { Authorization: `Bearer ${idToken}` };
  return {
    get: (path, query = {}) => request(h.app).get(path).query(query).set(auth),
    post: (path, body = {}, headers = {}) => request(h.app).post(path).set(auth).set(headers).send(body),
    patch: (path, body = {}) => request(h.app).patch(path).set(auth).send(body),
    delete: (path) => request(h.app).delete(path).set(auth),
  };
}

/** A new user with a profile (`POST /users`), ready to be added to chats. */
export async function newPerson(
  h: Harness,
  options: { admin?: boolean; name?: string } = {},
): Promise<Person> {
  const user = await h.newUser({ admin: options.admin });
  const api = clientFor(h, user.idToken);
  await api.post('/users', { displayName: options.name ?? user.uid }).expect(201);
  return { ...user, api };
}

/** A group owned by `owner` with the given members; returns its id. */
export async function newGroup(owner: Person, members: Person[], title = 'Test group'): Promise<string> {
  const res = await owner.api.post('/chats', { type: 'group', title, memberIds: members.map((m) => m.uid) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function send(
  person: Person,
  chatId: string,
  text: string,
): Promise<{ id: string; cursor: string }> {
  const res = await person.api.post(`/chats/${chatId}/messages`, { text });
  expect(res.status).toBe(201);
  return res.body;
}

/**
 * Polls `read` until `done` holds (the triggers run asynchronously in the Functions emulator) and returns the
 * value that satisfied it. When it never holds within `timeoutMs`, the test fails, naming `what` it waited
 * for and the last value read.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(
        `Waited ${timeoutMs} ms for ${what}; it never held. Last value read: ${describe(value)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** A short, readable form of what `eventually` last read (a query snapshot, a response or plain data). */
function describe(value: unknown): string {
  const shown =
    value && typeof value === 'object' && 'docs' in value && Array.isArray(value.docs)
      ? { size: value.docs.length, docs: value.docs.map((doc: { id: string }) => doc.id) }
      : value && typeof value === 'object' && 'status' in value && 'body' in value
        ? { status: value.status, body: value.body }
        : value;
  return JSON.stringify(shown)?.slice(0, 2000) ?? String(shown);
}

/** The field paths an error envelope names. */
export function fieldPaths(body: { error?: { fields?: { path: string }[] } }): string[] {
  return (body.error?.fields ?? []).map((field) => field.path);
}

/**
 * Runs the message trigger's handler here, for a message the API just stored. The Functions emulator runs
 * the same handler for the same event too, whenever it gets to it: both together are an at-least-once
 * delivery, which the handler must (and does) absorb. Tests that assert counts use this so they do not
 * wait on the emulator's scheduling.
 */
export function deliverMessageCreated(h: Harness, chatId: string, messageId: string): Promise<MessageFanOut> {
  return onMessageCreated(createServices(h.db, h.auth), {
    id: `test-${messageId}`,
    params: { chatId, messageId },
  });
}
