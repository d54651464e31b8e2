import { describe, expect, it } from 'vitest';
import { MethodRegistry } from '../registry/registry';
import { localRpc } from '../../test/support/local-rpc';
import { ethInfoMethods } from './eth-info';

describe('ethInfoMethods', () => {
  it('registers only what the node provides', () => {
    expect(new MethodRegistry(ethInfoMethods({ chainId: () => 1n })).names()).toEqual(['eth_accounts', 'eth_chainId']);
  });

  it('answers from the providers', async () => {
    let syncing: { startingBlock: bigint; currentBlock: bigint; highestBlock: bigint } | null = null;
    let coinbase: Uint8Array | undefined;
    const call = localRpc(
      ethInfoMethods({
        chainId: () => 1337n,
        syncStatus: () => syncing,
        miner: { isMining: () => true, coinbase: () => coinbase },
        protocolVersion: () => 68,
      }),
    );
    expect((await call('eth_chainId')).result).toBe('0x539');
    expect((await call('eth_accounts')).result).toEqual([]);
    expect((await call('eth_syncing')).result).toBe(false);
    syncing = { startingBlock: 1n, currentBlock: 2n, highestBlock: 3n };
    expect((await call('eth_syncing')).result).toEqual({ startingBlock: '0x1', currentBlock: '0x2', highestBlock: '0x3' });
    expect((await call('eth_mining')).result).toBe(true);
    expect((await call('eth_coinbase')).error?.code).toBe(-32010);
    coinbase = new Uint8Array(20).fill(0xab);
    expect((await call('eth_coinbase')).result).toBe(`0x${'ab'.repeat(20)}`);
    expect((await call('eth_protocolVersion')).result).toBe('0x44');
  });
});
