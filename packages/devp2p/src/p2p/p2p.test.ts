import { rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { negotiateCapabilities } from './capabilities';
import { decodeHello, encodeHello } from './hello';
import { snappyCompress, snappyDecompress } from './snappy';

describe('Hello', () => {
  const hello = { protocolVersion: 5, clientId: 'cairn/test', capabilities: [{ name: 'eth', version: 68 }], listenPort: 30303, nodeId: new Uint8Array(64).fill(7) };

  it('round-trips and ignores fields added by later versions', () => {
    expect(decodeHello(rlpDecode(rlpEncode(encodeHello(hello))))).toEqual(hello);
    const extended = [...(encodeHello(hello) as Uint8Array[]), new Uint8Array([1]), [new Uint8Array([2])]];
    expect(decodeHello(rlpDecode(rlpEncode(extended)))).toEqual(hello);
  });

  it('refuses a short Hello and a bad node id', () => {
    expect(() => decodeHello([new Uint8Array([5])])).toThrow(/at least 5/);
    const fields = encodeHello(hello) as Uint8Array[];
    fields[4] = new Uint8Array(10);
    expect(() => decodeHello(fields)).toThrow(/node id/);
  });
});

describe('capability negotiation', () => {
  it('picks the highest shared version per name, orders by name and lays out offsets from 0x10', () => {
    const local = [
      { name: 'eth', version: 66, length: 17 },
      { name: 'eth', version: 68, length: 17 },
      { name: 'abc', version: 1, length: 3 },
      { name: 'snap', version: 1, length: 8 },
    ];
    const remote = [
      { name: 'snap', version: 1 },
      { name: 'eth', version: 66 },
      { name: 'eth', version: 68 },
      { name: 'eth', version: 69 },
      { name: 'abc', version: 1 },
      { name: 'les', version: 4 },
    ];
    expect(negotiateCapabilities(local, remote)).toEqual([
      { name: 'abc', version: 1, length: 3, offset: 0x10 },
      { name: 'eth', version: 68, length: 17, offset: 0x13 },
      { name: 'snap', version: 1, length: 8, offset: 0x24 },
    ]);
    expect(negotiateCapabilities(local, [{ name: 'eth', version: 65 }])).toEqual([]);
  });
});

describe('Snappy', () => {
  it('round-trips and refuses a payload that claims more than the limit', () => {
    const data = new Uint8Array(5000).map((_, i) => i % 7);
    expect(snappyDecompress(snappyCompress(data))).toEqual(data);
    expect(() => snappyDecompress(snappyCompress(data), 4999)).toThrow(/too big/);
    // A length prefix of 2^32-1 bytes is refused before anything is allocated.
    expect(() => snappyDecompress(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]))).toThrow(/snappy/);
  });
});
