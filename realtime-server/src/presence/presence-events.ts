/**
 * The presence messages relay instances send each other through the adapter. On their own so the socket
 * types can name them without importing the presence machinery (which imports the socket types).
 */

/** A user came online in a chat (their first socket in its room) or went offline (their last one left). */
export interface PresenceChange {
  chatId: string;
  uid: string;
  online: boolean;
}

/** One instance's answer to "who has a socket in these rooms?": chat id → uids. */
export interface PresenceAnswer {
  instance: string;
  rooms: Record<string, string[]>;
}

/** What relay instances tell each other about presence. Every message names its sender. */
export interface PresenceServerEvents {
  'presence:heartbeat': (instance: string) => void;
  /** The sender is shutting down: its users are offline unless they turn up elsewhere. */
  'presence:goodbye': (instance: string) => void;
  'presence:change': (instance: string, change: PresenceChange) => void;
  /** The sender could not tell whether a user went offline in this chat: check its room again. */
  'presence:recheck': (instance: string, chatId: string) => void;
  'presence:query': (instance: string, chatIds: string[], answer: (answer: PresenceAnswer) => void) => void;
}
