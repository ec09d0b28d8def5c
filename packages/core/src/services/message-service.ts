import { createHash } from 'node:crypto';
import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import { clearedBefore, type ChatRepository } from '../repositories/chat-repository';
import {
  messageCursor,
  toMessage,
  type MessageRecord,
  type MessageRepository,
} from '../repositories/message-repository';
import type { RateLimitQuota } from '../rate-limit/rate-limit-quota';
import { encodeCursor } from '../schemas/common';
import {
  EditMessageBody,
  SendMessageBody,
  SendMessageHeaders,
  type ListMessagesQuery,
  type Message,
  type MessagePage,
} from '../schemas/message';
import { parseInput } from '../validation';
import { chatNotFound, failedPrecondition, may, type ChatAccess } from './chat-access';
import type { ChatService } from './chat-service';
import type { SendLimit } from './send-limit';

export interface SendOptions {
  /** The `Idempotency-Key` header, if the client sent one. */
  idempotencyKey?: string;
}

/** A sent message, and whether this call stored it (false: a retry that found the original). */
export interface SentMessage {
  message: Message;
  created: boolean;
  /** Where the sender stands against the send limit after this send; absent when it is off or unknown. */
  rateLimit?: RateLimitQuota;
}

/** A private message: the direct chat it went to, and the message. */
export interface SentPrivateMessage extends SentMessage {
  chatId: string;
}

/** The id an idempotent send gets: the same for the same chat, sender and key, and only for them. */
export function idempotentMessageId(chatId: string, senderId: string, key: string): string {
  return `k_${createHash('sha256').update(`${chatId}\n${senderId}\n${key}`).digest('hex').slice(0, 40)}`;
}

/** Messages: sending (idempotently), paging through history, editing and deleting. */
export class MessageService {
  constructor(
    private readonly chats: ChatRepository,
    private readonly messages: MessageRepository,
    private readonly access: ChatAccess,
    private readonly limit: SendLimit,
    private readonly directChats: ChatService,
  ) {}

  /**
   * Sends a message as the caller, who must be a member, within the per-user send limit. With an
   * idempotency key (the header or the body's `clientMessageId`) the id is derived from it and written
   * with create(): a retry returns the message stored the first time, `created: false`, and writes nothing.
   */
  async send(
    auth: AuthContext,
    chatId: string,
    input: SendMessageBody,
    options: SendOptions = {},
  ): Promise<SentMessage> {
    const { body, key } = parseSend(input, options);
    const rateLimit = await this.limit.admit(auth.uid);
    return { ...(await this.write(auth, chatId, body, key)), ...(rateLimit ? { rateLimit } : {}) };
  }

  /**
   * Sends a message to `toUid` in their direct chat with the caller, opening it on first use. The send
   * limit is applied before the chat is opened, so a refused private message leaves no empty direct chat.
   */
  async sendPrivate(
    auth: AuthContext,
    toUid: string,
    input: SendMessageBody,
    options: SendOptions = {},
  ): Promise<SentPrivateMessage> {
    const { body, key } = parseSend(input, options);
    const rateLimit = await this.limit.admit(auth.uid);
    const { chat } = await this.directChats.openDirect(auth, toUid);
    const sent = await this.write(auth, chat.id, body, key);
    return { chatId: chat.id, ...sent, ...(rateLimit ? { rateLimit } : {}) };
  }

  /**
   * The send itself, once the input is parsed and the limit passed. Membership is read in the transaction
   * that creates the message, so a removal that commits first makes the send fail (404) and a removal that
   * commits later follows the message: nobody writes into a chat after leaving it.
   */
  private async write(
    auth: AuthContext,
    chatId: string,
    body: SendMessageBody,
    key: string | null,
  ): Promise<SentMessage> {
    const messageId = key ? idempotentMessageId(chatId, auth.uid, key) : this.messages.newId(chatId);
    const created = await this.chats.transaction(async (tx) => {
      // Membership, the id (taken by an earlier try with this key?) and the reply target: one read.
      const ids = body.replyToId ? [messageId, body.replyToId] : [messageId];
      const { messages } = await this.access.memberInReading(tx, auth, chatId, ids);
      if (messages[0]) return false;
      if (body.replyToId) checkReplyTarget(body.replyToId, messages[1] ?? null);
      tx.createMessage(chatId, messageId, {
        senderId: auth.uid,
        text: body.text,
        replyToId: body.replyToId ?? null,
        clientMessageId: key,
      });
      return true;
    });
    // A server timestamp is the commit's time, and createdAt is half of every page cursor: return
    // exactly what is stored.
    const message = await this.messages.get(chatId, messageId);
    if (!message) throw new Error(`Message ${chatId}/${messageId} vanished right after its send.`);
    return { message: toMessage(message), created };
  }

  /**
   * One page of the history, oldest first: the latest messages, or those `before` / `after` a cursor.
   * Paging with `after` from the last message's `cursor` is how a client (or the relay) recovers what it
   * missed. Members and app admins may read.
   */
  async list(auth: AuthContext, chatId: string, query: ListMessagesQuery): Promise<MessagePage> {
    const range = { before: query.before, after: query.after };
    // Read together: a caller who may not read gets the access error, and the page read is dropped.
    const [member, firstRead] = await Promise.all([
      this.access.memberOrAdmin(auth, chatId),
      this.messages.page(chatId, query.limit, range),
    ]);
    // A member who cleared the history (deleted a direct chat for themselves) sees only what came after.
    // That is rare, so they pay a second read rather than every page waiting for the membership first.
    const page = member?.clearedAt
      ? await this.messages.page(chatId, query.limit, { ...range, since: member.clearedAt })
      : firstRead;
    const first = page.messages[0];
    const last = page.messages[page.messages.length - 1];
    const from = query.after ?? query.before;
    const fromCursor = from ? encodeCursor(from) : null;
    if (query.after) {
      return {
        messages: page.messages.map(toMessage),
        olderCursor: first ? messageCursor(first) : fromCursor,
        newerCursor: last ? messageCursor(last) : fromCursor,
        hasNewer: page.more,
      };
    }
    return {
      messages: page.messages.map(toMessage),
      olderCursor: page.more && first ? messageCursor(first) : null,
      newerCursor: last ? messageCursor(last) : fromCursor,
      hasNewer: query.before !== undefined,
    };
  }

  /**
   * The messages after the one with id `afterMessageId`, oldest first: what a client that holds that
   * message missed (the relay's missed-message recovery). `not-found` when that message is not in the chat.
   */
  async listAfterMessage(
    auth: AuthContext,
    chatId: string,
    afterMessageId: string,
    limit: number,
  ): Promise<MessagePage> {
    await this.access.memberOrAdmin(auth, chatId);
    const anchor = await this.messages.get(chatId, afterMessageId);
    if (!anchor) throw messageNotFound(afterMessageId);
    const after = { seconds: anchor.createdAt.seconds, nanos: anchor.createdAt.nanoseconds, id: anchor.id };
    return this.list(auth, chatId, { limit, after });
  }

  /** One message; members and app admins. */
  async get(auth: AuthContext, chatId: string, messageId: string): Promise<Message> {
    const member = await this.access.memberOrAdmin(auth, chatId);
    const message = await this.messages.get(chatId, messageId);
    if (!message || clearedBefore(member, message.createdAt)) throw messageNotFound(messageId);
    return toMessage(message);
  }

  /** Edits the text of the caller's own message (not of a deleted one). */
  async edit(auth: AuthContext, chatId: string, messageId: string, body: EditMessageBody): Promise<Message> {
    await this.chats.transaction(async (tx) => {
      await this.access.memberIn(tx, auth, chatId);
      const chat = await tx.chat(chatId);
      const message = await tx.message(chatId, messageId);
      if (!chat) throw chatNotFound(chatId);
      if (!message) throw messageNotFound(messageId);
      if (message.type === 'system') throw failedPrecondition('A system message cannot be edited.');
      if (message.senderId !== auth.uid) throw AppError.permissionDenied('Only the sender edits a message.');
      if (message.deletedAt) throw failedPrecondition('A deleted message cannot be edited.');
      tx.editMessage(chatId, messageId, body.text);
      if (chat.lastMessage?.id === messageId) tx.setLastMessageText(chatId, body.text);
    });
    return this.get(auth, chatId, messageId);
  }

  /**
   * Deletes a message, leaving a tombstone: the sender, a chat owner or admin, or an app admin may.
   * Deleting a deleted message succeeds and changes nothing.
   */
  async delete(auth: AuthContext, chatId: string, messageId: string): Promise<void> {
    await this.chats.transaction(async (tx) => {
      const member = await tx.member(chatId, auth.uid);
      const chat = await tx.chat(chatId);
      if (!chat || (!member && !auth.admin)) throw chatNotFound(chatId);
      const message = await tx.message(chatId, messageId);
      if (!message) throw messageNotFound(messageId);
      if (message.type === 'system') throw failedPrecondition('A system message cannot be deleted.');
      const allowed =
        auth.admin || message.senderId === auth.uid || (member !== null && may.deleteAnyMessage(member.role));
      if (!allowed)
        throw AppError.permissionDenied('Only the sender, or a chat owner or admin, deletes a message.');
      if (message.deletedAt) return;
      tx.tombstoneMessage(chatId, messageId);
      if (chat.lastMessage?.id === messageId) tx.setLastMessageText(chatId, '');
    });
  }
}

/**
 * The body and the idempotency key of a send. Parsed here as well as at the edge, so every adapter (REST,
 * the relay's sockets) gets the same rules, and before the send limit counts, so bad input costs nothing.
 */
function parseSend(
  input: SendMessageBody,
  options: SendOptions,
): { body: SendMessageBody; key: string | null } {
  const body = parseInput(SendMessageBody, input);
  const idempotencyKey =
    options.idempotencyKey === undefined
      ? undefined
      : parseInput(SendMessageHeaders, { 'Idempotency-Key': options.idempotencyKey }, 'headers')[
          'Idempotency-Key'
        ];
  if (idempotencyKey && body.clientMessageId && idempotencyKey !== body.clientMessageId) {
    throw AppError.invalidArgument(
      'Invalid body.clientMessageId: it differs from the Idempotency-Key header.',
      [{ path: 'clientMessageId', message: 'Differs from the Idempotency-Key header.' }],
    );
  }
  return { body, key: idempotencyKey ?? body.clientMessageId ?? null };
}

function messageNotFound(messageId: string): AppError {
  return AppError.notFound(`No message ${messageId} in this chat.`);
}

/** A reply must name a text message of the same chat. */
function checkReplyTarget(replyToId: string, original: MessageRecord | null): void {
  if (!original) {
    throw AppError.invalidArgument(`Invalid body.replyToId: no message ${replyToId} in this chat.`, [
      { path: 'replyToId', message: 'No such message in this chat.' },
    ]);
  }
  if (original.type === 'system') {
    throw AppError.invalidArgument(`Invalid body.replyToId: ${replyToId} is a system message.`, [
      { path: 'replyToId', message: 'A system message cannot be replied to.' },
    ]);
  }
}
