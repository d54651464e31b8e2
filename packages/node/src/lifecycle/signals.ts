/** What the shutdown handling listens on: `process`, or an emitter standing in for it in tests. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
}

/** Waiting for the signal to shut down; `dispose` removes the listeners once shutdown is over. */
export interface ShutdownSignal {
  readonly received: Promise<NodeJS.Signals>;
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * The first SIGINT or SIGTERM starts a graceful shutdown (`received` resolves with it); a second
 * one, while that shutdown runs, calls `force`, which exits at once.
 */
export function listenForShutdown(source: SignalSource, force: (signal: NodeJS.Signals) => void): ShutdownSignal {
  let count = 0;
  let resolve!: (signal: NodeJS.Signals) => void;
  const received = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const listener = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) resolve(signal);
    else force(signal);
  };
  for (const signal of SIGNALS) source.on(signal, listener);
  return {
    received,
    dispose: () => {
      for (const signal of SIGNALS) source.off(signal, listener);
    },
  };
}
