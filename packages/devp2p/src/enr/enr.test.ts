import { hexToBytes, privateKeyToPublicKey, rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { createEnr, parseEnrBytes } from './enr';

describe('ENR (EIP-778)', () => {
  // The example record of EIP-778, signed with the EIP's example key.
  const eipKey = hexToBytes('0xb71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291');
  const eipRecord = hexToBytes(
    '0xf884b8407098ad865b00a582051940cb9cf36836572411a47278783077011599ed5cd16b76f2635f4e234738f30813a89eb9137e3e3df5266e3a1f11df72ecf1145ccb9c01826964827634826970847f00000189736563703235366b31a103ca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd31388375647082765f',
  );

  it('reads the EIP example record and rebuilds it byte for byte', () => {
    const enr = parseEnrBytes(eipRecord);
    expect(enr.seq).toBe(1n);
    expect(enr.ip).toBe('127.0.0.1');
    expect(enr.udp).toBe(30303);
    expect(enr.publicKey).toEqual(privateKeyToPublicKey(eipKey));
    const rebuilt = createEnr(eipKey, { seq: 1n, ip: '127.0.0.1', udp: 30303 }, privateKeyToPublicKey(eipKey));
    expect(rebuilt.encoded).toEqual(eipRecord);
  });

  it('carries the eth fork id entry and refuses a tampered record', () => {
    const enr = createEnr(eipKey, { seq: 5n, ip: '10.0.0.1', tcp: 30303, udp: 30301, forkId: { hash: hexToBytes('0xfc64ec04'), next: 1150000n } }, privateKeyToPublicKey(eipKey));
    const back = parseEnrBytes(enr.encoded);
    expect(back.forkId).toEqual({ hash: hexToBytes('0xfc64ec04'), next: 1150000n });
    expect(back.tcp).toBe(30303);
    const items = rlpDecode(enr.encoded) as Uint8Array[];
    items[1] = new Uint8Array([6]);
    expect(() => parseEnrBytes(rlpEncode(items))).toThrow(/signature/);
    expect(() => parseEnrBytes(new Uint8Array([0xc0]))).toThrow(/ENR/);
  });
});
