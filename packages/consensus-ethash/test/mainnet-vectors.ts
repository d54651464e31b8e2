import type { Hex } from '@cairn/common';
import type { HeaderFields } from './header';

/**
 * Proof-of-work headers of Ethereum mainnet: public facts, as any block explorer or archive node
 * returns them (`eth_getBlockByNumber`). Where `hash` is given, the test first checks that the
 * fields hash to it, so a transcription error cannot pass as a verification failure.
 */
export interface MainnetHeader {
  readonly name: string;
  readonly hash?: Hex;
  readonly header: HeaderFields;
}

const EMPTY_LIST_HASH: Hex = '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347';
const EMPTY_TRIE: Hex = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';

/** Epoch 0: the first blocks mined, on 30 July 2015. */
export const EPOCH_0_BLOCKS: readonly MainnetHeader[] = [
  {
    name: 'mainnet block 1',
    hash: '0x88e96d4537bea4d9c05d12549907b32561d3bf31f45aae734cdc119f13406cb6',
    header: {
      parentHash: '0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3',
      ommersHash: EMPTY_LIST_HASH,
      coinbase: '0x05a56e2d52c817161883f50c441c3228cfe54d9f',
      stateRoot: '0xd67e4d450343046425ae4271474353857ab860dbc0a1dde64b41b5cd3a532bf3',
      transactionsRoot: EMPTY_TRIE,
      receiptsRoot: EMPTY_TRIE,
      difficulty: '0x3ff800000',
      number: '0x1',
      gasLimit: '0x1388',
      gasUsed: '0x',
      timestamp: '0x55ba4224',
      extraData: '0x476574682f76312e302e302f6c696e75782f676f312e342e32',
      mixHash: '0x969b900de27b6ac6a67742365dd65f55a0526c41fd18e1b16f1a1215c2e66f59',
      nonce: '0x539bd4979fef1ec4',
    },
  },
  {
    name: 'mainnet block 2',
    hash: '0xb495a1d7e6663152ae92708da4843337b958146015a2802f4193a410044698c9',
    header: {
      parentHash: '0x88e96d4537bea4d9c05d12549907b32561d3bf31f45aae734cdc119f13406cb6',
      ommersHash: EMPTY_LIST_HASH,
      coinbase: '0xdd2f1e6e498202e86d8f5442af596580a4f03c2c',
      stateRoot: '0x4943d941637411107494da9ec8bc04359d731bfd08b72b4d0edcbd4cd2ecb341',
      transactionsRoot: EMPTY_TRIE,
      receiptsRoot: EMPTY_TRIE,
      difficulty: '0x3ff001000',
      number: '0x2',
      gasLimit: '0x1388',
      gasUsed: '0x',
      timestamp: '0x55ba4241',
      extraData: '0x476574682f76312e302e302d30636463373634372f6c696e75782f676f312e34',
      mixHash: '0x2f0790c5aa31ab94195e1f6443d645af5b75c46c04fbf9911711198a0ce8fdda',
      nonce: '0xb853fa261a86aa9e',
    },
  },
  {
    name: 'mainnet block 3 (one uncle)',
    hash: '0x3d6122660cc824376f11ee842f83addc3525e2dd6756b9bcf0affa6aa88cf741',
    header: {
      parentHash: '0xb495a1d7e6663152ae92708da4843337b958146015a2802f4193a410044698c9',
      ommersHash: '0x6b17b938c6e4ef18b26ad81b9ca3515f27fd9c4e82aac56a1fd8eab288785e41',
      coinbase: '0x5088d623ba0fcf0131e0897a91734a4d83596aa0',
      stateRoot: '0x76ab0b899e8387436ff2658e2988f83cbf1af1590b9fe9feca3714f8d1824940',
      transactionsRoot: EMPTY_TRIE,
      receiptsRoot: EMPTY_TRIE,
      difficulty: '0x3fe802ffe',
      number: '0x3',
      gasLimit: '0x1388',
      gasUsed: '0x',
      timestamp: '0x55ba4260',
      extraData: '0x476574682f76312e302e302d66633739643332642f6c696e75782f676f312e34',
      mixHash: '0x65e12eec23fe6555e6bcdb47aa25269ae106e5f16b54e1e92dcee25e1c8ad037',
      nonce: '0x2e9344e0cbde83ce',
    },
  },
];

/** Epoch 1 (blocks 30,000 to 59,999). */
export const EPOCH_1_BLOCKS: readonly MainnetHeader[] = [
  {
    name: 'mainnet block 46147 (the first block with a transaction)',
    header: {
      parentHash: '0x5a41d0e66b4120775176c09fcf39e7c0520517a13d2b57b18d33d342df038bfc',
      ommersHash: EMPTY_LIST_HASH,
      coinbase: '0xe6a7a1d47ff21b6321162aea7c6cb457d5476bca',
      stateRoot: '0x0e0df2706b0a4fb8bd08c9246d472abbe850af446405d9eba1db41db18b4a169',
      transactionsRoot: '0x4513310fcb9f6f616972a3b948dc5d547f280849a87ebb5af0191f98b87be598',
      receiptsRoot: '0xfe2bf2a941abf41d72637e5b91750332a30283efd40c424dc522b77e6f0ed8c4',
      difficulty: '0x153886c1bbd',
      number: '0xb443',
      gasLimit: '0x520b',
      gasUsed: '0x5208',
      timestamp: '0x55c42659',
      extraData: '0x657468706f6f6c2e6f7267',
      mixHash: '0xb48c515a9dde8d346c3337ea520aa995a4738bb595495506125449c1149d6cf4',
      nonce: '0xba4f8ecd18aab215',
    },
  },
  {
    name: 'mainnet block 51712',
    hash: '0x1f42aca6358bce0a28587c5cabb6fbe8b32f687f8ac70fbcd98715d5175ff1c8',
    header: {
      parentHash: '0x3cfde7bfb7187bc175f3a40fc930a20b3fa384a27e7639d23a223f8b52b31974',
      ommersHash: EMPTY_LIST_HASH,
      coinbase: '0x88d74a59454f6cf3b51ef6b9136afb6b9d405a88',
      stateRoot: '0xe8acbfca503fb67433f7427666e2a2b0152901ae53d9c5bb900334c1e969c0bd',
      transactionsRoot: EMPTY_TRIE,
      receiptsRoot: EMPTY_TRIE,
      difficulty: '0x16a6d87a321',
      number: '0xca00',
      gasLimit: '0xd30b3',
      gasUsed: '0x',
      timestamp: '0x55c58aca',
      extraData: '0x476574682f76312e302e302d66633739643332642f6c696e75782f676f312e34',
      mixHash: '0xf069cbc921fb229a9d8c79e32727291e6af8e33bec8ac184203ae1ca67f0a914',
      nonce: '0x44b300df423f783c',
    },
  },
];

/** Epoch 432: a London header, whose seal hash covers the base fee. */
export const LONDON_BLOCK: MainnetHeader = {
  name: 'mainnet block 12965000 (the London fork block)',
  header: {
    parentHash: '0x3de6bb3849a138e6ab0b83a3a00dc7433f1e83f7fd488e4bba78f2fe2631a633',
    ommersHash: EMPTY_LIST_HASH,
    coinbase: '0x7777788200b672a42421017f65ede4fc759564c8',
    stateRoot: '0x41cf6e8e60fd087d2b00360dc29e5bfb21959bce1f4c242fd1ad7c4da968eb87',
    transactionsRoot: '0xdfcb68d3a3c41096f4a77569db7956e0a0e750fad185948e54789ea0e51779cb',
    receiptsRoot: '0x8a8865cd785e2e9dfce7da83aca010b10b9af2abbd367114b236f149534c821d',
    logsBloom:
      '0x24e74ad77d9a2b27bdb8f6d6f7f1cffdd8cfb47fdebd433f011f7dfcfbb7db638fadd5ff66ed134ede2879ce61149797fbcdf7b74f6b7de153ec61bdaffeeb7b59c3ed771a2fe9eaed8ac70e335e63ff2bfe239eaff8f94ca642fdf7ee5537965be99a440f53d2ce057dbf9932be9a7b9a82ffdffe4eeee1a66c4cfb99fe4540fbff936f97dde9f6bfd9f8cefda2fc174d23dfdb7d6f7dfef5f754fe6a7eec92efdbff779b5feff3beafebd7fd6e973afebe4f5d86f3aafb1f73bf1e1d0cdd796d89827edeffe8fb6ae6d7bf639ec5f5ff4c32f31f6b525b676c7cdf5e5c75bfd5b7bd1928b6f43aac7fa0f6336576e5f7b7dfb9e8ebbe6f6efe2f9dfe8b3f56',
    difficulty: '0x1b81c1fe05b218',
    number: '0xc5d488',
    gasLimit: '0x1ca3542',
    gasUsed: '0x1ca2629',
    timestamp: '0x610bdaa6',
    extraData: '0x68747470733a2f2f7777772e6b7279707465782e6f7267',
    mixHash: '0x9620b46a81a4795cf4449d48e3270419f58b09293a5421205f88179b563f815a',
    nonce: '0xb223da049adf2216',
    baseFee: '0x3b9aca00',
  },
};
