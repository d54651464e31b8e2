/** Besu's log levels, most severe first. `OFF` prints nothing and `ALL` everything. */
export const LOG_LEVELS = ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What components log through: one per component, created by `Logger.child`. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  trace(message: string): void;
  child(component: string): Logger;
}

type Sink = (line: string) => void;

/**
 * A logger that writes one line per message, `time | LEVEL | component | message`, and drops
 * messages below its level before formatting them.
 */
export function createLogger(level: LogLevel, sink: Sink = (line) => process.stdout.write(`${line}\n`), component = 'cairn'): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const emit = (msgLevel: LogLevel, message: string) => {
    if (LOG_LEVELS.indexOf(msgLevel) > threshold) return;
    sink(`${new Date().toISOString()} | ${msgLevel.padEnd(5)} | ${component} | ${message}`);
  };
  return {
    error: (message, error) => emit('ERROR', error === undefined ? message : `${message}: ${error instanceof Error ? error.message : String(error)}`),
    warn: (message) => emit('WARN', message),
    info: (message) => emit('INFO', message),
    debug: (message) => emit('DEBUG', message),
    trace: (message) => emit('TRACE', message),
    child: (name) => createLogger(level, sink, name),
  };
}
