import { ancestorHashes, type Blockchain, type BlockHeader } from '@cairn/chain';
import { bigintToFixedBytes, EMPTY_BYTES, type ForkRules } from '@cairn/common';
import { type BlockEnv, type Evm, JournaledState, runTransaction, type StateReader, TransactionError, type TransactionEnv } from '@cairn/evm';
import { type CallExecutor, type CallOptions, type CallOutcome, type CallRequest, JsonRpcError } from '@cairn/rpc';
import { StateNotAvailableError } from '@cairn/trie';
import { AccessListTracer } from './access-list-tracer';
import { haltReason } from './halt-reasons';
import { retainedState } from './retained-state';
import { OverriddenState } from './state-overrides';

const ZERO_ADDRESS = new Uint8Array(20);
const ZERO_HASH = new Uint8Array(32);

/**
 * eth_call, eth_estimateGas and eth_createAccessList run here: a transaction from `from` (the
 * zero address by default) at the sender's own nonce, executed by the EVM on the state after
 * `header`, in the context of that block, and thrown away. As in geth and Besu, a request
 * without fees runs at gas price zero with the base fee taken as zero, and the sender's nonce
 * and code are not checked. Refusals before execution are -32000 errors (insufficient funds
 * for gas * price + value, a fee cap below the base fee); too little gas for the intrinsic cost
 * is an exceptional halt, so that gas estimation can search past it.
 */
export class EvmCallExecutor implements CallExecutor {
  constructor(
    private readonly chain: Blockchain,
    private readonly evm: Evm,
  ) {}

  async call(request: CallRequest, header: BlockHeader, options: CallOptions): Promise<CallOutcome | undefined> {
    const base = await retainedState(this.chain, header);
    if (base === undefined) return undefined;
    const reader: StateReader = options.overrides ? new OverriddenState(base, options.overrides, this.evm.hasher) : base;
    const state = new JournaledState(reader, this.evm.hasher);
    const rules = await this.#rulesOf(header);
    const sender = request.from ?? ZERO_ADDRESS;
    const { nonce } = await state.load(JournaledState.addressKey(sender));
    const tx = transactionOf(request, sender, nonce, options.gas, header.baseFeePerGas);
    const feeless = (tx.maxFeePerGas ?? tx.gasPrice) === 0n;
    const block: BlockEnv = {
      coinbase: header.coinbase,
      number: header.number,
      timestamp: header.timestamp,
      // A gas cap above the block's limit (--rpc-gas-cap) must still fit the block.
      gasLimit: maxGas(header.gasLimit, options.gas),
      difficulty: header.difficulty,
      prevRandao: rules.has(4399) ? header.mixHash : undefined,
      baseFee: feeless ? 0n : header.baseFeePerGas,
      excessBlobGas: header.excessBlobGas,
      blockHash: await this.#blockHashes(header),
    };
    const precompiles = [...this.evm.runtime(rules).precompiles.keys()].map((n) => bigintToFixedBytes(BigInt(n), 20));
    const tracer = options.traceAccessList ? new AccessListTracer([sender, ...(request.to ? [request.to] : []), ...precompiles]) : undefined;
    const traced = tracer ? () => ({ accessList: tracer.accessList() }) : () => ({});
    try {
      const result = await runTransaction(this.evm, state, tx, block, rules, { rejectSenderWithCode: false, hooks: tracer?.hooks });
      if (result.success) return { status: 'success', returnData: result.output, gasUsed: result.gasUsed, ...traced() };
      if (result.status === 'Revert') return { status: 'revert', returnData: result.output, gasUsed: result.gasUsed, ...traced() };
      return { status: 'halt', reason: haltReason(result.status), gasUsed: result.gasUsed, ...traced() };
    } catch (error) {
      if (error instanceof StateNotAvailableError) return undefined;
      if (!(error instanceof TransactionError)) throw error;
      if (error.code === 'INTRINSIC_GAS_TOO_LOW') return { status: 'halt', reason: `intrinsic gas too low: ${error.message}`, gasUsed: options.gas, ...traced() };
      if (error.code === 'INSUFFICIENT_FUNDS') throw new JsonRpcError(-32000, `insufficient funds for gas * price + value: ${error.message}`);
      throw new JsonRpcError(-32000, error.message);
    }
  }

  /** The rules `header`'s block ran under (the Merge may be by total difficulty). */
  async #rulesOf(header: BlockHeader): Promise<ForkRules> {
    const td = (await this.chain.blocks.totalDifficulty(header.hash())) ?? header.difficulty;
    return this.chain.rulesFor(header, td - header.difficulty);
  }

  /** BLOCKHASH within the call's block: its ancestors, walked from its parent. */
  async #blockHashes(header: BlockHeader): Promise<(number: bigint) => Promise<Uint8Array>> {
    const parent = header.number === 0n ? undefined : await this.chain.blocks.header(header.parentHash);
    return parent === undefined ? async () => ZERO_HASH : ancestorHashes(parent, (hash) => this.chain.blocks.header(hash));
  }
}

/**
 * The request as a transaction: its type from the fields given (blob hashes: 3, EIP-1559 fees:
 * 2, an access list: 1, else legacy), fees defaulting to zero; a max fee left out of an
 * EIP-1559 request is the base fee plus the tip.
 */
function transactionOf(request: CallRequest, sender: Uint8Array, nonce: bigint, gas: bigint, baseFee: bigint | undefined): TransactionEnv {
  const dynamic = request.maxFeePerGas !== undefined || request.maxPriorityFeePerGas !== undefined;
  const inferred = request.blobVersionedHashes !== undefined ? 3 : dynamic ? 2 : request.accessList !== undefined ? 1 : 0;
  const type = request.type === undefined ? inferred : Number(request.type);
  const tip = request.maxPriorityFeePerGas ?? 0n;
  const fees =
    type >= 2
      ? { maxPriorityFeePerGas: tip, maxFeePerGas: request.maxFeePerGas ?? (request.maxPriorityFeePerGas === undefined ? 0n : (baseFee ?? 0n) + tip) }
      : { gasPrice: request.gasPrice ?? 0n };
  return {
    type,
    sender,
    to: request.to,
    nonce,
    value: request.value ?? 0n,
    data: request.input ?? EMPTY_BYTES,
    gasLimit: gas,
    ...fees,
    accessList: request.accessList,
    maxFeePerBlobGas: request.maxFeePerBlobGas,
    blobVersionedHashes: request.blobVersionedHashes,
  };
}

function maxGas(a: bigint, b: bigint): bigint {
  return a < b ? b : a;
}
