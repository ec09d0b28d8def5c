/** Instrumentation points for the benchmark (and anyone measuring the relay). */
export interface RelayProbe {
  /** Called in the listener callback, just before the room emit. */
  messageListened(chatId: string, messageId: string): void;
}
