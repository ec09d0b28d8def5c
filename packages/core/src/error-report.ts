/**
 * Error Reporting's type for a log entry that reports an error. A structured log line with this `@type` and
 * a V8 stack (`error.stack`) as its `message` is grouped by Error Reporting, whatever its severity.
 */
export const REPORTED_ERROR_EVENT =
  'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent';

/** Where an error happened, as Error Reporting's `ErrorContext` spells it. */
export interface ErrorReportContext {
  httpRequest?: { method: string; url: string; responseStatusCode?: number };
  /** The signed-in user, when there is one (a uid: never an email or a token). */
  user?: string;
}

/** The fields of a `ReportedErrorEvent`, to spread into an ERROR log entry. */
export interface ErrorReportFields {
  '@type': typeof REPORTED_ERROR_EVENT;
  /** The error's stack as V8 prints it (header line, then frames): what Error Reporting groups by. */
  message: string;
  serviceContext: { service: string };
  context?: ErrorReportContext;
}

/**
 * The log fields that report `error` to Error Reporting for `service`. A thrown value that is not an Error
 * gets a stack from here, so the entry is still one Error Reporting can parse.
 */
export function errorReport(
  service: string,
  error: unknown,
  context?: ErrorReportContext,
): ErrorReportFields {
  const stack =
    (error instanceof Error ? error.stack : undefined) ??
    new Error(`Non-error thrown: ${String(error)}`).stack;
  return {
    '@type': REPORTED_ERROR_EVENT,
    message: stack ?? String(error),
    serviceContext: { service },
    ...(context ? { context } : {}),
  };
}
