/** The reasons a Disconnect message can carry (devp2p spec, "Disconnect (0x01)"). */
export enum DisconnectReason {
  Requested = 0x00,
  TcpError = 0x01,
  /** Malformed messages, invalid blocks, anything against the protocol's rules. */
  BreachOfProtocol = 0x02,
  UselessPeer = 0x03,
  TooManyPeers = 0x04,
  AlreadyConnected = 0x05,
  IncompatibleVersion = 0x06,
  NullNodeIdentity = 0x07,
  ClientQuitting = 0x08,
  UnexpectedIdentity = 0x09,
  /** The remote is this node itself. */
  SelfConnection = 0x0a,
  PingTimeout = 0x0b,
  /** A sub-protocol (eth) refused the peer: wrong network, genesis or fork id, as Besu sends. */
  SubprotocolReason = 0x10,
}

/** A human name for a reason code, including codes this client does not know. */
export function disconnectReasonName(code: number): string {
  return DisconnectReason[code] ?? `Unknown(0x${code.toString(16)})`;
}
