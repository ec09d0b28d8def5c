import type { Firestore } from 'firebase-admin/firestore';
import {
  FirestoreRateLimitCounter,
  limiterPrefix,
  MESSAGE_SEND_LIMITER,
  secondsUntil,
  tooManyRequests,
} from '@chat/core';
import type { RateLimitConfig } from '../config';
import type { Logs } from '../logs';
import type { ChatDomain } from './chat-domain';

/**
 * The chat domain with the REST API's `send` limit in front of `send` (so of `message:send` and
 * `message:private` alike). It counts in the very Firestore counters `POST /chats/{chatId}/messages`
 * counts in (limiter `send`, keyed by uid), so a user's REST and socket sends share one budget across
 * every function and relay instance. A send over the limit is refused with the API's `resource-exhausted`
 * before anything is written. If the counter cannot reach Firestore the send goes through and the failure
 * is logged: the limit protects the backend, it should not take sending down with it.
 */
export function sendLimitedChatDomain(
  domain: ChatDomain,
  db: Firestore,
  config: RateLimitConfig,
  logs: Logs,
): ChatDomain {
  const { sendsPerUser: limit, windowSeconds } = config;
  if (limit <= 0) return domain;
  const counter = new FirestoreRateLimitCounter(db, {
    prefix: limiterPrefix(MESSAGE_SEND_LIMITER),
    windowMs: windowSeconds * 1000,
    limit,
  });
  const admit = async (uid: string): Promise<void> => {
    const hit = await counter.hit(uid).catch((error: unknown) => {
      logs.rateLimitStoreFailed(MESSAGE_SEND_LIMITER, uid, error);
      return undefined;
    });
    if (hit?.limited)
      throw tooManyRequests(MESSAGE_SEND_LIMITER, limit, windowSeconds, secondsUntil(hit.resetTime));
  };
  // Domains are plain objects of functions (coreChatDomain), so a spread keeps every other method as it is.
  return {
    ...domain,
    async send(auth, chatId, body, idempotencyKey) {
      await admit(auth.uid);
      return domain.send(auth, chatId, body, idempotencyKey);
    },
  };
}
