import { errorReport, type AppError, type LogEntry, type LogSink } from '@chat/core';
import { maskedConfig, type RelayConfig } from './config';
import type { HealthDetails } from './health';

/** The service name Error Reporting files the relay's errors under (the Cloud Run service's name). */
export const ERROR_REPORTING_SERVICE = 'chat-relay';

/**
 * Every log line the relay writes, named for what it logs. Entries are Cloud Logging structured JSON
 * (`severity`, `message`, the rest lands in `jsonPayload`). Tokens and message texts are never logged.
 */
export function createLogs(sink: LogSink) {
  const errorFields = (error: unknown) => ({
    error: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  });
  return {
    configLoaded(config: RelayConfig) {
      sink({ severity: 'INFO', message: 'Relay configuration loaded', config: maskedConfig(config) });
    },
    listening(port: number, adapter: 'redis' | 'memory') {
      sink({
        severity: 'INFO',
        message: `Relay listening on port ${port} (${adapter} adapter)`,
        port,
        adapter,
      });
    },
    connectionRefused(namespace: string, error: AppError) {
      sink({ severity: 'NOTICE', message: `Connection refused: ${error.code}`, namespace, code: error.code });
    },
    connected(namespace: string, uid: string, socketId: string) {
      sink({ severity: 'DEBUG', message: 'Socket connected', namespace, uid, socketId });
    },
    disconnected(namespace: string, uid: string, socketId: string, reason: string) {
      sink({
        severity: 'DEBUG',
        message: `Socket disconnected: ${reason}`,
        namespace,
        uid,
        socketId,
        reason,
      });
    },
    /** The relay closed a socket on purpose (expired or revoked token, disabled user). */
    sessionEnded(uid: string, code: string) {
      sink({ severity: 'NOTICE', message: `Session ended: ${code}`, uid, code });
    },
    /** A client event was refused with an error ack (4xx): expected, so no stack. */
    eventRejected(event: string, uid: string, error: AppError) {
      sink({
        severity: 'WARNING',
        message: `${event} rejected: ${error.code}: ${error.message}`,
        event,
        uid,
        code: error.code,
      });
    },
    /**
     * A client event failed on our side (the relay's 5xx), acked with a generic error. The line is an Error
     * Reporting event: its message is the stack, so Error Reporting groups every occurrence of the failure.
     */
    eventFailed(event: string, uid: string, error: unknown) {
      sink({
        severity: 'ERROR',
        event,
        uid,
        ...errorReport(ERROR_REPORTING_SERVICE, error, { user: uid }),
      });
    },
    /** A malformed or unknown event that cannot be answered (no ack callback, or an unknown name). */
    eventDropped(event: string, uid: string, reason: string) {
      sink({ severity: 'WARNING', message: `Dropped ${event}: ${reason}`, event, uid, reason });
    },
    listenerOpened(kind: string, key: string) {
      sink({ severity: 'DEBUG', message: `Listener opened: ${kind} ${key}`, kind, key });
    },
    listenerClosed(kind: string, key: string) {
      sink({ severity: 'DEBUG', message: `Listener closed: ${kind} ${key}`, kind, key });
    },
    /** A listener errored or was found stalled; it is reopened after `retryInMs`. */
    listenerBroken(kind: string, key: string, reason: string, retryInMs: number) {
      sink({
        severity: 'WARNING',
        message: `Listener ${kind} ${key} broken (${reason}), reopening in ${retryInMs} ms`,
        kind,
        key,
        reason,
        retryInMs,
      });
    },
    /** A document a listener delivered that does not have the agreed shape: not sent to anyone. */
    documentSkipped(path: string) {
      sink({ severity: 'WARNING', message: `Skipped malformed document ${path}`, path });
    },
    /** The chat could not be read after a change, so chat:updated was not sent for it. */
    chatReadFailed(chatId: string, error: string) {
      sink({
        severity: 'WARNING',
        message: `Chat ${chatId} unreadable after a change: ${error}`,
        chatId,
        error,
      });
    },
    /** The periodic revocation check failed: reported, since revoked users keep their sockets meanwhile. */
    revocationCheckFailed(error: unknown) {
      sink({
        severity: 'ERROR',
        check: 'revocation',
        ...errorReport(ERROR_REPORTING_SERVICE, error),
      });
    },
    redisError(error: unknown) {
      sink({ severity: 'ERROR', message: 'Redis error', ...errorFields(error) });
    },
    /**
     * The first broadcast to other instances that Redis could not carry since it was last ready: typing and
     * presence from this instance's clients stop reaching the others until it is back.
     */
    redisPublishFailed(error: unknown) {
      sink({
        severity: 'WARNING',
        message: 'Redis publish failed: broadcasts to other instances are lost until Redis is back',
        ...errorFields(error),
      });
    },
    /** Redis is ready again after `lost` broadcasts failed while it was away. */
    redisPublishesLost(lost: number) {
      sink({
        severity: 'NOTICE',
        message: `Redis is back; ${lost} broadcasts to other instances were lost`,
        lost,
      });
    },
    /** A peer relay instance stopped: it said goodbye, or fell silent past the timeout. */
    peerLost(instance: string, reason: 'silent' | 'goodbye') {
      sink({ severity: 'NOTICE', message: `Peer instance lost (${reason}): ${instance}`, instance, reason });
    },
    /** Users only a lost peer held were announced offline to this instance's clients. */
    presenceSwept(rooms: number, offline: number) {
      sink({
        severity: 'INFO',
        message: `Presence: ${offline} offline after a check of ${rooms} rooms`,
        rooms,
        offline,
      });
    },
    /** This instance's event loop stood still past the peer timeout; its users are announced again. */
    presenceFrozen(ms: number) {
      sink({
        severity: 'WARNING',
        message: `Presence heartbeat ${ms} ms late; announcing local users again`,
        ms,
      });
    },
    /** A malformed message from a peer instance, ignored. */
    presenceDropped(event: string, reason: string) {
      sink({ severity: 'WARNING', message: `Dropped ${event} from a peer: ${reason}`, event, reason });
    },
    shuttingDown(signal: string, sockets: number) {
      sink({
        severity: 'NOTICE',
        message: `${signal}: shutting down, ${sockets} sockets told to reconnect`,
        signal,
        sockets,
      });
    },
    /** `/healthz` changed its verdict; the details stay here, out of the public answer. */
    healthChanged(status: 'ok' | 'degraded', details: HealthDetails) {
      sink({ severity: status === 'ok' ? 'INFO' : 'WARNING', message: `Health: ${status}`, ...details });
    },
    /** A promise rejected with no handler: a bug, logged with its stack; the relay keeps serving. */
    unhandledRejection(reason: unknown) {
      sink({ severity: 'ERROR', message: 'Unhandled rejection', ...errorFields(reason) });
    },
    /** Closing failed part-way; the process exits anyway, its clients reconnect elsewhere. */
    shutdownFailed(error: unknown) {
      sink({ severity: 'ERROR', message: 'Shutdown failed', ...errorFields(error) });
    },
    shutdownComplete(ms: number) {
      sink({ severity: 'INFO', message: `Shut down in ${ms} ms`, ms });
    },
  };
}

export type Logs = ReturnType<typeof createLogs>;

/** One JSON line per entry on stdout: what Cloud Run forwards to Cloud Logging as structured logs. */
export function stdoutSink(minimum: LogEntry['severity'] = 'INFO'): LogSink {
  const order = ['DEBUG', 'INFO', 'NOTICE', 'WARNING', 'ERROR', 'CRITICAL'];
  const floor = order.indexOf(minimum);
  return (entry) => {
    if (order.indexOf(entry.severity) < floor) return;
    process.stdout.write(`${JSON.stringify({ ...entry, time: new Date().toISOString() })}\n`);
  };
}
