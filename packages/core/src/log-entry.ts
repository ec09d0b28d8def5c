/** Cloud Logging severities (https://cloud.google.com/logging/docs/structured-logging). */
export type Severity = 'DEBUG' | 'INFO' | 'NOTICE' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** One structured log line: `severity` and `message`, every other key lands in `jsonPayload`. */
export interface LogEntry {
  severity: Severity;
  message: string;
  [key: string]: unknown;
}

/** Where log entries go. In functions, firebase-functions' `logger.write`; in tests, an array. */
export type LogSink = (entry: LogEntry) => void;
