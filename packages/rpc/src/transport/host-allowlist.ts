/**
 * The host name of a Host header: without the port, without IPv6 brackets, lower-case.
 * Undefined when the header is absent or malformed (which the allowlist then refuses).
 */
export function hostName(header: string | undefined): string | undefined {
  if (header === undefined || header.length === 0) return undefined;
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(header);
  if (bracketed) return bracketed[1].toLowerCase();
  const plain = /^([^:[\]\s]+)(?::(\d{1,5}))?$/.exec(header);
  return plain ? plain[1].toLowerCase() : undefined;
}

/**
 * Besu's --host-allowlist: a request's Host header must name an allowed host, which defeats DNS
 * rebinding (a web page whose name resolves to 127.0.0.1 reaching the node). `*` allows any host.
 */
export class HostAllowlist {
  readonly #any: boolean;
  readonly #hosts: ReadonlySet<string>;

  constructor(hosts: readonly string[]) {
    this.#any = hosts.includes('*');
    this.#hosts = new Set(hosts.map((h) => hostName(h) ?? h.toLowerCase()));
  }

  allows(hostHeader: string | undefined): boolean {
    if (this.#any) return true;
    const name = hostName(hostHeader);
    return name !== undefined && this.#hosts.has(name);
  }
}
