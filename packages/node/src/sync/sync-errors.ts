import { BlockError, DecodeError, TransactionError } from '@cairn/chain';
import { CairnError, RlpError, SignatureError } from '@cairn/common';
import { DisconnectReason, type Peer, PeerError } from '@cairn/devp2p';

/**
 * Why a sync round stopped before reaching its target. `PEER_FAULT`: a peer sent something
 * wrong and was disconnected for it; `PEER_UNRESPONSIVE`: peers stopped answering or had nothing
 * to give; `CHAIN_MOVED`: the target's chain changed under the download (a reorganisation), so
 * the next round starts again from the common ancestor.
 */
export class SyncError extends CairnError {
  constructor(code: 'PEER_FAULT' | 'PEER_UNRESPONSIVE' | 'CHAIN_MOVED' | 'NO_COMMON_ANCESTOR', message: string) {
    super(code, message);
  }
}

/**
 * Disconnects `peer` for a fault in what it sent (the peer manager records the offence under
 * `code`) and returns the error that ends the work that asked it.
 */
export function peerFault(peer: Peer, code: string, message: string, reason = DisconnectReason.BreachOfProtocol): SyncError {
  peer.eth.offence(new PeerError(code, message), reason);
  return new SyncError('PEER_FAULT', `${peer.address}: ${message}`);
}

/**
 * Whether an import failed because the block is invalid (what a peer can be blamed for), as
 * opposed to a failure of this node's own store or code. A block whose parent is not known is
 * not invalid: the chain it belongs to moved.
 */
export function isInvalidBlockError(error: unknown): error is CairnError {
  if (error instanceof BlockError) return error.code !== 'UNKNOWN_PARENT';
  return error instanceof DecodeError || error instanceof TransactionError || error instanceof RlpError || error instanceof SignatureError;
}

/**
 * `promise`, or a `SyncError` as soon as `signal` aborts: a stopping node does not wait for a
 * peer's answer (up to the request timeout); the request itself ends on its own.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new SyncError('PEER_UNRESPONSIVE', 'sync stopped'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SyncError('PEER_UNRESPONSIVE', 'sync stopped'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
