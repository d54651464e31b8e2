/**
 * Besu's --rpc-http-cors-origins. Origins are compared as whole strings, case-insensitively, rather
 * than as regular expressions, so that a dot in `http://example.com` cannot match any character.
 * `*` allows every origin; an empty list allows none (requests without an Origin header, which
 * browsers always send cross-origin, are unaffected).
 */
export class CorsPolicy {
  readonly #any: boolean;
  readonly #origins: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.#any = origins.includes('*');
    this.#origins = new Set(origins.map((o) => o.toLowerCase().replace(/\/+$/, '')));
  }

  allows(origin: string): boolean {
    return this.#any || this.#origins.has(origin.toLowerCase());
  }

  /** Headers of an allowed response to `origin`. */
  responseHeaders(origin: string): Record<string, string> {
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  }

  /** Headers of an allowed preflight: the requested headers are echoed back, as Besu allows any. */
  preflightHeaders(origin: string, requestedHeaders: string | undefined): Record<string, string> {
    return {
      ...this.responseHeaders(origin),
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': requestedHeaders ?? 'content-type',
      'access-control-max-age': '600',
    };
  }
}
