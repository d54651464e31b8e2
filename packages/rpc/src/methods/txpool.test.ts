import { bytesToHex } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryPool } from '../../test/support/memory-pool';
import { SAMPLE_TRANSACTIONS, SENDER, signed } from '../../test/support/sample-block';
import { txPoolMethods } from './txpool';

const pool = new MemoryPool();
const call = localRpc(txPoolMethods(pool));
const [legacy, accessList, dynamic] = signed();
const [gapped, underpriced] = signed([
  { ...SAMPLE_TRANSACTIONS[2], nonce: 7n },
  { ...SAMPLE_TRANSACTIONS[0], gasPrice: 21n, value: 6n },
]);
const raw = (n: number) => `0x0${n}`;
for (const [i, record] of [legacy, accessList, dynamic, gapped, underpriced].entries()) pool.decodable.set(raw(i), record);

describe('eth_sendRawTransaction and TXPOOL', () => {
  it('adds transactions and answers with their hashes', async () => {
    for (const [i, record] of [legacy, accessList, dynamic, gapped].entries()) {
      expect((await call('eth_sendRawTransaction', [raw(i)])).result).toBe(bytesToHex(record.hash()));
    }
  });

  it('passes the pool’s refusals on with Besu’s codes', async () => {
    expect((await call('eth_sendRawTransaction', [raw(0)])).error).toEqual({ code: -32000, message: 'Known transaction' });
    expect((await call('eth_sendRawTransaction', [raw(4)])).error).toEqual({ code: -32000, message: 'Replacement transaction underpriced' });
    expect((await call('eth_sendRawTransaction', ['0x99'])).error?.code).toBe(-32602);
    expect((await call('eth_sendRawTransaction', ['0x9'])).error?.message).toContain('params[0] (signed transaction)');
  });

  it('reports status, content, Besu’s transaction list and statistics', async () => {
    expect((await call('txpool_status')).result).toEqual({ pending: '0x3', queued: '0x1' });
    const content = (await call('txpool_content')).result;
    const sender = bytesToHex(SENDER);
    expect(Object.keys(content.pending[sender])).toEqual(['0', '1', '2']);
    expect(content.queued[sender]['7']).toMatchObject({ hash: bytesToHex(gapped.hash()), blockHash: null, nonce: '0x7' });
    const listed = (await call('txpool_besuTransactions')).result;
    expect(listed).toHaveLength(4);
    expect(listed[0]).toEqual({ hash: bytesToHex(legacy.hash()), isReceivedFromLocalSource: true, addedToPoolAt: '2023-11-14T22:13:20.000Z' });
    expect((await call('txpool_besuStatistics')).result).toEqual({ maxSize: 4096, localCount: 4, remoteCount: 0 });
  });
});
