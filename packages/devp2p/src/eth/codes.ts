import type { Capability } from '../p2p/capabilities';

/** eth message ids, relative to the capability's offset (devp2p eth spec). */
export enum EthCode {
  Status = 0x00,
  NewBlockHashes = 0x01,
  Transactions = 0x02,
  GetBlockHeaders = 0x03,
  BlockHeaders = 0x04,
  GetBlockBodies = 0x05,
  BlockBodies = 0x06,
  NewBlock = 0x07,
  NewPooledTransactionHashes = 0x08,
  GetPooledTransactions = 0x09,
  PooledTransactions = 0x0a,
  GetReceipts = 0x0f,
  Receipts = 0x10,
}

/** eth versions Cairn speaks. Each reserves 17 ids (0x00-0x10): 67 and 68 keep 0x0d/0x0e unused. */
export const ETH_66: Capability = { name: 'eth', version: 66, length: 17 };
export const ETH_67: Capability = { name: 'eth', version: 67, length: 17 };
export const ETH_68: Capability = { name: 'eth', version: 68, length: 17 };
export const ETH_CAPABILITIES: readonly Capability[] = [ETH_66, ETH_67, ETH_68];
