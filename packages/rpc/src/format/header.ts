import { bigintToHex, bytesToHex, type Hex } from '@cairn/common';
import type { BlockHeader } from '@cairn/chain';

/** The header fields of a block object (and of a `newHeads` notification), by geth's and Besu's names. */
export function formatHeader(header: BlockHeader): Record<string, Hex> {
  const out: Record<string, Hex> = {
    number: bigintToHex(header.number),
    hash: bytesToHex(header.hash()),
    parentHash: bytesToHex(header.parentHash),
    nonce: bytesToHex(header.nonce),
    sha3Uncles: bytesToHex(header.ommersHash),
    logsBloom: bytesToHex(header.logsBloom),
    transactionsRoot: bytesToHex(header.transactionsRoot),
    stateRoot: bytesToHex(header.stateRoot),
    receiptsRoot: bytesToHex(header.receiptsRoot),
    miner: bytesToHex(header.coinbase),
    difficulty: bigintToHex(header.difficulty),
    extraData: bytesToHex(header.extraData),
    gasLimit: bigintToHex(header.gasLimit),
    gasUsed: bigintToHex(header.gasUsed),
    timestamp: bigintToHex(header.timestamp),
    mixHash: bytesToHex(header.mixHash),
  };
  if (header.baseFeePerGas !== undefined) out.baseFeePerGas = bigintToHex(header.baseFeePerGas);
  if (header.withdrawalsRoot !== undefined) out.withdrawalsRoot = bytesToHex(header.withdrawalsRoot);
  if (header.blobGasUsed !== undefined) out.blobGasUsed = bigintToHex(header.blobGasUsed);
  if (header.excessBlobGas !== undefined) out.excessBlobGas = bigintToHex(header.excessBlobGas);
  if (header.parentBeaconBlockRoot !== undefined) out.parentBeaconBlockRoot = bytesToHex(header.parentBeaconBlockRoot);
  return out;
}
