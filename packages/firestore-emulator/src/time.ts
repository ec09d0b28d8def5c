/** A point in time with microsecond precision, as Firestore keeps it. */
export interface Time {
  seconds: number;
  nanos: number;
}

export function compareTime(a: Time, b: Time): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  if (a.nanos !== b.nanos) return a.nanos < b.nanos ? -1 : 1;
  return 0;
}

/** The proto Timestamp shape used in responses (int64 seconds as a string, like proto-loader's longs: String). */
export function toTimestamp(t: Time): { seconds: string; nanos: number } {
  return { seconds: String(t.seconds), nanos: t.nanos };
}

/** Reads a proto Timestamp; precision beyond microseconds is dropped, as Firestore does. */
export function fromTimestamp(ts: { seconds?: string | number | null; nanos?: number | null }): Time {
  const seconds = Number(ts.seconds ?? 0);
  const nanos = ts.nanos ?? 0;
  return { seconds, nanos: nanos - (nanos % 1000) };
}

/** Whole microseconds since the epoch; exact for any date Firestore accepts (< 2^53). */
export function toMicros(t: Time): number {
  return t.seconds * 1_000_000 + Math.floor(t.nanos / 1000);
}

export function fromMicros(micros: number): Time {
  const seconds = Math.floor(micros / 1_000_000);
  return { seconds, nanos: (micros - seconds * 1_000_000) * 1000 };
}

/**
 * A clock whose every tick is strictly later than the one before, so each commit gets a distinct time
 * and listeners can order events by it.
 */
export class MonotonicClock {
  private last = 0;

  /** A fresh time strictly after every time handed out before. */
  tick(): Time {
    const now = Date.now() * 1000;
    this.last = now > this.last ? now : this.last + 1;
    return fromMicros(this.last);
  }

  /** A time at or after every time handed out so far, without consuming a tick. */
  peek(): Time {
    const now = Date.now() * 1000;
    return fromMicros(now > this.last ? now : this.last);
  }
}
