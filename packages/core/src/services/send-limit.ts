import type { SendLimitConfig } from '../config-schemas';
import type { LogSink } from '../log-entry';
import type { FirestoreRateLimitCounter } from '../repositories/rate-limit-counter';
import { UserLimit } from './user-limit';

/** The limiter on message sends: the prefix of its Firestore counters (`send:`) and the policy name clients see. */
export const MESSAGE_SEND_LIMITER = 'send';

/**
 * The per-user message-send limit: `MessageService` applies it to every send, whatever the entry point
 * (`POST /chats/{chatId}/messages` however spelled, `message:send`, `message:private`), so a user's REST and
 * socket sends draw on one budget. See `UserLimit` for how it counts and fails.
 */
export class SendLimit extends UserLimit {
  constructor(counter: FirestoreRateLimitCounter | undefined, config: SendLimitConfig, log: LogSink) {
    super(MESSAGE_SEND_LIMITER, counter, config.sendsPerUser, config.windowSeconds, log);
  }
}
