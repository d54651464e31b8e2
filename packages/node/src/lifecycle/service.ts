/** A long-running part of the node: started in dependency order, stopped in reverse. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts services one after another and stops the started ones in reverse order. If a start
 * fails, everything already started is stopped before the error is passed on, so a failed
 * start-up leaves no port open and no store locked.
 */
export class ServiceGroup {
  private readonly started: Service[] = [];

  constructor(private readonly onStopError: (service: Service, error: unknown) => void) {}

  async start(services: readonly Service[]): Promise<void> {
    for (const service of services) {
      try {
        await service.start();
      } catch (error) {
        await this.stop();
        throw new Error(`${service.name} failed to start: ${(error as Error).message}`, { cause: error });
      }
      this.started.push(service);
    }
  }

  async stop(): Promise<void> {
    while (this.started.length > 0) {
      const service = this.started.pop()!;
      try {
        await service.stop();
      } catch (error) {
        this.onStopError(service, error);
      }
    }
  }
}
