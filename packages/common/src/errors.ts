/**
 * Typed errors shared by every package. Each carries a stable `code` so that callers (RPC,
 * peers, the conformance runner) can map a failure to a reason without parsing messages.
 */
export class CairnError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Malformed hex text: odd length, a non-hex character, or a missing `0x` prefix. */
export class HexError extends CairnError {
  constructor(message: string) {
    super('INVALID_HEX', message);
  }
}

/** RLP that is not canonical, is truncated, has trailing bytes or exceeds a size limit. */
export class RlpError extends CairnError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_RLP', message, options);
  }
}

/** A value of the wrong length, range or shape where a typed value was expected. */
export class ValueError extends CairnError {
  constructor(message: string) {
    super('INVALID_VALUE', message);
  }
}

/** A signature that cannot be parsed or recovered, or breaks the low-s rule. */
export class SignatureError extends CairnError {
  constructor(message: string) {
    super('INVALID_SIGNATURE', message);
  }
}

/** A chain configuration or genesis file that does not describe a valid chain. */
export class ConfigError extends CairnError {
  readonly issues: readonly string[];

  constructor(message: string, issues: readonly string[] = []) {
    super('INVALID_CONFIG', issues.length > 0 ? `${message}:\n  ${issues.join('\n  ')}` : message);
    this.issues = issues;
  }
}
