import { createSocket } from 'node:dgram';
import { type Gateway, upnpNat } from '@achingbrain/nat-port-mapper';
import { NatError } from '../errors';

export type Protocol = 'TCP' | 'UDP';

/** What the NAT service needs of a gateway: its external address, and mappings it can add and remove. */
export interface PortMapper {
  readonly gatewayHost: string;
  externalAddress(): Promise<string>;
  /** Maps `port` (external and internal alike) to `internalHost`; returns the external port granted. */
  map(protocol: Protocol, port: number, internalHost: string, leaseSeconds: number, description: string): Promise<number>;
  unmap(protocol: Protocol, externalPort: number): Promise<void>;
  close(): Promise<void>;
}

/** The library's device handle, reached for DeletePortMapping (see `UpnpPortMapper.unmap`). */
interface SoapDevice {
  run(service: string, action: string, args: [string, string | number][], options?: { signal?: AbortSignal }): Promise<unknown>;
}

const WAN_IP_CONNECTION_2 = 'urn:schemas-upnp-org:service:WANIPConnection:2';

/**
 * A UPnP Internet Gateway Device through `@achingbrain/nat-port-mapper` (SSDP discovery,
 * AddAnyPortMapping, GetExternalIPAddress). Lease renewal is done by the NAT service, so the
 * library's own refresh is off.
 */
class UpnpPortMapper implements PortMapper {
  private readonly gateway: Gateway;

  constructor(gateway: Gateway) {
    this.gateway = gateway;
  }

  get gatewayHost(): string {
    return this.gateway.host;
  }

  externalAddress(): Promise<string> {
    return this.gateway.externalIp({ signal: AbortSignal.timeout(5000) });
  }

  async map(protocol: Protocol, port: number, internalHost: string, leaseSeconds: number, description: string): Promise<number> {
    const mapping = await this.gateway.map(port, internalHost, {
      protocol,
      externalPort: port,
      ttl: leaseSeconds * 1000,
      description,
      autoRefresh: false,
      signal: AbortSignal.timeout(5000),
    });
    return mapping.externalPort;
  }

  /**
   * Deletes one mapping. The library's `unmap` (4.0.5) sends DeletePortMapping with an empty
   * protocol, which miniupnpd reads as TCP, so a UDP mapping on the same port would survive
   * shutdown; the action is therefore sent here with the protocol, through the library's device.
   */
  async unmap(protocol: Protocol, externalPort: number): Promise<void> {
    const device = (this.gateway as unknown as { gateway: SoapDevice }).gateway;
    await device.run(WAN_IP_CONNECTION_2, 'DeletePortMapping', [
      ['NewRemoteHost', ''],
      ['NewExternalPort', externalPort],
      ['NewProtocol', protocol],
    ], { signal: AbortSignal.timeout(5000) });
  }

  async close(): Promise<void> {
    // The library keeps no mappings of its own here (they are all removed above); this only
    // closes its device handle.
    await this.gateway.stop({ signal: AbortSignal.timeout(5000) });
  }
}

/** Pause before searching again after a search that ended early. */
const SEARCH_RETRY_MS = 250;

/**
 * Finds the first UPnP gateway answering SSDP within `timeoutMs`, or undefined. The library ends a
 * search early, with nothing, when sending it fails (an interface still coming up, say), so the
 * search is repeated until the time is up rather than taken as "no gateway".
 */
export async function findUpnpGateway(timeoutMs: number): Promise<PortMapper | undefined> {
  const nat = upnpNat({ autoRefresh: false });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    while (!signal.aborted) {
      for await (const gateway of nat.findGateways({ signal })) {
        if (gateway.family === 'IPv4') return new UpnpPortMapper(gateway);
      }
      await new Promise((resolve) => setTimeout(resolve, SEARCH_RETRY_MS));
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError' && (error as Error).name !== 'TimeoutError') {
      throw new NatError(`UPnP discovery failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return undefined;
}

/** The local address the system would use to reach `host`: the internal side of a mapping. */
export function localAddressTowards(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    // Connecting a UDP socket only selects a route; nothing is sent.
    socket.connect(1900, host, () => {
      const { address } = socket.address();
      socket.close();
      resolve(address);
    });
    socket.once('error', (error) => {
      socket.close();
      reject(new NatError(`no route to gateway ${host}: ${error.message}`, { cause: error }));
    });
  });
}
