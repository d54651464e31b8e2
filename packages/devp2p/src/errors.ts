import { CairnError } from '@cairn/common';

/**
 * A fault in what a peer sent or in the state of a connection. `code` names the fault for logs
 * and offence records; the peer layer maps it to a disconnect reason.
 */
export class PeerError extends CairnError {}

/** An ECIES message or RLPx handshake packet that cannot be decrypted, authenticated or parsed. */
export class HandshakeError extends PeerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('HANDSHAKE_FAILED', message, options);
  }
}

/** A frame whose MAC does not match, whose size is out of bounds, or which cannot be decoded. */
export class FrameError extends PeerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BAD_FRAME', message, options);
  }
}

/** A message that breaks a protocol's rules: malformed payload, unknown code, out-of-order. */
export class ProtocolError extends PeerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PROTOCOL_BREACH', message, options);
  }
}

/** A discovery packet that is malformed, badly signed or expired. */
export class DiscoveryPacketError extends CairnError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BAD_DISCOVERY_PACKET', message, options);
  }
}

/** An enode URL, ENR or allowlist entry that does not parse. */
export class NodeRecordError extends CairnError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BAD_NODE_RECORD', message, options);
  }
}

/** A request to a peer that timed out or was refused because too many are in flight. */
export class RequestError extends CairnError {
  constructor(code: 'REQUEST_TIMEOUT' | 'REQUEST_LIMIT' | 'PEER_GONE', message: string) {
    super(code, message);
  }
}

/** A port mapping that the gateway refused, or no gateway found. */
export class NatError extends CairnError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('NAT_FAILED', message, options);
  }
}

/**
 * The fault a peer caused, as a `PeerError`: typed errors from decoding (an `RlpError`, say) keep
 * their code, so the offence record says `INVALID_RLP` rather than something vaguer.
 */
export function toPeerError(error: unknown, context: string): PeerError {
  if (error instanceof PeerError) return error;
  if (error instanceof CairnError) return new PeerError(error.code, `${context}: ${error.message}`, { cause: error });
  return new ProtocolError(`${context}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}
