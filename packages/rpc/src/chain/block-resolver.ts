import { bytesToHex, equalBytes } from '@cairn/common';
import { JsonRpcError } from '../errors/json-rpc-error';
import { RpcErrors } from '../errors/application-errors';
import type { BlockParameter } from '../schemas/block-parameter';
import type { ChainReader } from './backend';
import type { BlockHeader } from '@cairn/chain';

/**
 * Turns block parameters into headers. `pending` means the head, as Besu answers it (the node
 * does not build a pending block for queries); `safe` and `finalized` come from consensus; an
 * EIP-1898 hash with `requireCanonical` must be on the canonical chain.
 */
export class BlockResolver {
  readonly #chain: ChainReader;

  constructor(chain: ChainReader) {
    this.#chain = chain;
  }

  /** The header meant, or undefined when the chain has no such block. */
  async find(parameter: BlockParameter): Promise<BlockHeader | undefined> {
    switch (parameter.kind) {
      case 'number':
        return this.#chain.headerByNumber(parameter.number);
      case 'hash': {
        const header = await this.#chain.headerByHash(parameter.hash);
        if (header !== undefined && parameter.requireCanonical && !(await this.isCanonical(header))) {
          throw new JsonRpcError(-32000, `block ${bytesToHex(parameter.hash)} is not on the canonical chain`);
        }
        return header;
      }
      case 'tag':
        switch (parameter.tag) {
          case 'latest':
          case 'pending':
            return this.#chain.head();
          case 'earliest':
            return this.#chain.headerByNumber(0n);
          case 'safe':
            return this.#chain.safe();
          case 'finalized':
            return this.#chain.finalized();
        }
    }
  }

  /** The header meant; a missing block is error -39001 "Unknown block", as Besu answers state queries. */
  async require(parameter: BlockParameter): Promise<BlockHeader> {
    const header = await this.find(parameter);
    if (header === undefined) throw RpcErrors.unknownBlock();
    return header;
  }

  async isCanonical(header: BlockHeader): Promise<boolean> {
    const canonical = await this.#chain.headerByNumber(header.number);
    return canonical !== undefined && equalBytes(canonical.hash(), header.hash());
  }
}

