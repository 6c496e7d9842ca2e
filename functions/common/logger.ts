/**
 * Structured JSON logs, one line per event. Fields are ids and measurements only: callers must
 * never pass personal data (names, email addresses, phone numbers, account numbers).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Ids and measurements that may be logged. */
export interface LogFields {
  requestId?: string;
  tenantId?: string;
  roundId?: string;
  applicationId?: string;
  [field: string]: string | number | boolean | undefined;
}

/** A logger bound to some fields, e.g. the request id. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Creates a logger that writes lines at or above `level` to `write` (stdout by default). */
export function createLogger(
  level: LogLevel,
  bound: LogFields = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  return {
    log(eventLevel, message, fields = {}) {
      if (order[eventLevel] < order[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: eventLevel, message, ...bound, ...fields }));
    },
    child(fields) {
      return createLogger(level, { ...bound, ...fields }, write);
    },
  };
}
