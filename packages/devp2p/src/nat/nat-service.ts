import { NatError } from '../errors';
import { findUpnpGateway, localAddressTowards, type PortMapper, type Protocol } from './port-mapper';

/** `--nat-method`: UPNP requires a gateway, AUTO uses one when found, NONE never looks. */
export type NatMethod = 'UPNP' | 'AUTO' | 'NONE';

export interface NatServiceOptions {
  readonly method: NatMethod;
  /** The p2p ports to map, external and internal alike (`--p2p-port`). */
  readonly tcpPort: number;
  readonly udpPort: number;
  readonly description: string;
  /** Lease asked of the gateway, and how long before it ends it is renewed. */
  readonly leaseSeconds: number;
  readonly renewBeforeSeconds: number;
  readonly discoveryTimeoutMs: number;
}

/** Where other nodes reach this one from outside: what the enode and ENR advertise. */
export interface ExternalEndpoint {
  readonly address: string;
  readonly tcpPort: number;
  readonly udpPort: number;
}

export const DEFAULT_NAT_OPTIONS: Omit<NatServiceOptions, 'method' | 'tcpPort' | 'udpPort'> = {
  description: 'cairn devp2p',
  leaseSeconds: 3600,
  renewBeforeSeconds: 60,
  discoveryTimeoutMs: 5000,
};

/**
 * Maps the p2p TCP and UDP ports on a UPnP gateway, reports the external endpoint to advertise,
 * renews the leases before they run out, and removes the mappings on stop.
 */
export class NatService {
  private readonly options: NatServiceOptions;
  private readonly findGateway: (timeoutMs: number) => Promise<PortMapper | undefined>;
  private mapper: PortMapper | undefined;
  private mapped: { protocol: Protocol; port: number; internalHost: string }[] = [];
  private renewTimer: NodeJS.Timeout | undefined;
  private current: ExternalEndpoint | undefined;
  private renewals = 0;

  constructor(options: NatServiceOptions, findGateway = findUpnpGateway) {
    this.options = options;
    this.findGateway = findGateway;
  }

  /** The external endpoint while mapped. */
  get endpoint(): ExternalEndpoint | undefined {
    return this.current;
  }

  /** How many times the leases were renewed (for logs and the tests). */
  get renewalCount(): number {
    return this.renewals;
  }

  /**
   * Finds the gateway and maps both ports. Resolves with the external endpoint, or undefined
   * under NONE and under AUTO without a gateway; UPNP without a gateway is a `NatError`.
   */
  async start(): Promise<ExternalEndpoint | undefined> {
    const o = this.options;
    if (o.method === 'NONE') return undefined;
    let mapper: PortMapper | undefined;
    try {
      mapper = await this.findGateway(o.discoveryTimeoutMs);
    } catch (error) {
      // AUTO means "use a gateway if there is one": a network where discovery cannot even run has none.
      if (o.method === 'AUTO') return undefined;
      throw error;
    }
    if (!mapper) {
      if (o.method === 'AUTO') return undefined;
      throw new NatError(`--nat-method=UPNP: no UPnP gateway answered within ${o.discoveryTimeoutMs} ms`);
    }
    this.mapper = mapper;
    const internalHost = await localAddressTowards(mapper.gatewayHost);
    try {
      const tcpPort = await mapper.map('TCP', o.tcpPort, internalHost, o.leaseSeconds, o.description);
      this.mapped.push({ protocol: 'TCP', port: tcpPort, internalHost });
      const udpPort = await mapper.map('UDP', o.udpPort, internalHost, o.leaseSeconds, o.description);
      this.mapped.push({ protocol: 'UDP', port: udpPort, internalHost });
      this.current = { address: await mapper.externalAddress(), tcpPort, udpPort };
    } catch (error) {
      await this.stop();
      throw new NatError(`UPnP port mapping failed: ${(error as Error).message}`, { cause: error });
    }
    this.scheduleRenewal();
    return this.current;
  }

  /** Removes the mappings and lets go of the gateway. */
  async stop(): Promise<void> {
    clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
    const mapper = this.mapper;
    this.mapper = undefined;
    this.current = undefined;
    if (!mapper) return;
    const errors: string[] = [];
    for (const m of this.mapped.splice(0)) {
      await mapper.unmap(m.protocol, m.port).catch((error: Error) => errors.push(`${m.protocol} ${m.port}: ${error.message}`));
    }
    await mapper.close().catch(() => {
      // Closing only releases the library's handle; the mappings are already gone.
    });
    if (errors.length > 0) throw new NatError(`could not remove port mappings: ${errors.join('; ')}`);
  }

  private scheduleRenewal(): void {
    const delay = Math.max(1, this.options.leaseSeconds - this.options.renewBeforeSeconds) * 1000;
    this.renewTimer = setTimeout(() => void this.renew(), delay);
    this.renewTimer.unref();
  }

  private async renew(): Promise<void> {
    const mapper = this.mapper;
    if (!mapper) return;
    const o = this.options;
    for (const m of this.mapped) {
      // A failed renewal is retried at the next interval; the lease still has its margin left.
      await mapper.map(m.protocol, m.port, m.internalHost, o.leaseSeconds, o.description).catch(() => undefined);
    }
    this.renewals++;
    if (this.mapper) this.scheduleRenewal();
  }
}
