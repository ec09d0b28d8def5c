import { z } from 'zod';

/**
 * Settings the functions and the relay share, declared once. Both count sends in the same Firestore
 * counters, so they must agree on the names, the bounds and the window (a different window finds different
 * counters and splits the budget). Numbers are coerced, so the relay's environment strings and the
 * functions' int params parse alike.
 */

/** Length of one rate-limit window, in seconds (1..3600). */
export const RateLimitWindowSeconds = z.coerce.number().int().min(1).max(3600).default(60);

/** Hits allowed per window (0 turns the limiter off), `fallback` when unset. */
export function rateLimitBudget(fallback: number) {
  return z.coerce.number().int().min(0).max(1_000_000).default(fallback);
}

/** The per-user message-send limit `createServices` applies to every send, whatever its entry point. */
export interface SendLimitConfig {
  /** Length of one window, in seconds. @default 60 */
  windowSeconds: number;
  /** Messages one user may send per window, over REST and sockets together (0: no limit). @default 60 */
  sendsPerUser: number;
  /**
   * Share of each limit, in percent, an instance may admit before Firestore has seen it
   * (`FirestoreRateLimitCounter`'s `slack`); 0 counts every hit in Firestore before answering it. @default 0
   */
  slackPercent?: number;
}

/** Percent of a limit an instance may admit unseen (0..50); 0 when unset. */
export const RateLimitSlackPercent = z.coerce.number().int().min(0).max(50).default(0);

/** The counter `slack` for `limit` hits at `percent`: a whole number of hits, at least 1 when on. */
export function slackOf(limit: number, percent: number | undefined): number {
  if (!percent || percent <= 0) return 0;
  return Math.max(1, Math.floor((limit * percent) / 100));
}

/**
 * Every per-user limit `createServices` applies: sends, and the operations that reach other people without
 * their asking (creating chats, adding members), so one account cannot flood strangers' chat lists and inboxes.
 */
export interface UserLimitsConfig extends SendLimitConfig {
  /** Chats (groups, and direct chats opened for the first time) one user may create per window (0: no limit). @default 0 */
  chatsPerUser?: number;
  /** Members one user may add per window, a group's initial members included (0: no limit). @default 0 */
  memberAddsPerUser?: number;
}

/** A browser origin for CORS: a bare `http(s)://host[:port]`, no path and no trailing slash. */
export const Origin = z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).origin === value, {
  message: 'must be a bare origin such as https://chat.example.com (no path, no trailing slash)',
});
