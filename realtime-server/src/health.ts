import type { Logs } from './logs';

/** What `/healthz` looks at; only its verdict is public. */
export interface HealthDetails {
  draining: boolean;
  /** `none`: a single instance without Redis. */
  redis: 'up' | 'down' | 'none';
  sockets: number;
  chatFeeds: number;
  notificationFeeds: number;
}

/**
 * The verdict of `/healthz`: `ok`, or `degraded` while draining or while Redis is unreachable. The answer
 * is public, so it carries the verdict only; each change of verdict is logged with the details (counts,
 * Redis, draining), once, rather than on every probe.
 */
export class HealthReport {
  private last: 'ok' | 'degraded' = 'ok';

  constructor(
    private readonly logs: Logs,
    private readonly details: () => HealthDetails,
  ) {}

  status(): 'ok' | 'degraded' {
    const details = this.details();
    const status = details.draining || details.redis === 'down' ? 'degraded' : 'ok';
    if (status !== this.last) this.logs.healthChanged(status, details);
    this.last = status;
    return status;
  }
}
