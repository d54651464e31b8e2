import type { Blockchain } from '@cairn/chain';
import { bytesToHex, forkName, toChecksumAddress } from '@cairn/common';
import type { NodeOptions } from './cli/options';
import type { ChainSpec } from './compose/chain-spec';
import { DEV_MNEMONIC } from './dev/dev-accounts';
import { DEV_ACCOUNT_BALANCE } from './dev/dev-genesis';

/** What the start-up banner reports. */
export interface BannerFacts {
  readonly version: string;
  readonly spec: ChainSpec;
  readonly chain: Blockchain;
  readonly options: Pick<NodeOptions, 'data-path' | 'pruning-enabled' | 'pruning-blocks-retained' | 'dev-block-period' | 'rpc-http-api' | 'rpc-ws-api'>;
  readonly engine: string;
  readonly endpoints: { readonly http?: string; readonly ws?: string; readonly metrics?: string; readonly enode?: string };
}

const row = (label: string, value: string) => `  ${label.padEnd(14)}${value}`;

/**
 * The lines printed once the node has started: network, chain id, genesis and head, fork, engine,
 * data path, endpoints, pruning; and for the development network its accounts with their private
 * keys, as Hardhat and Anvil print them, flagged as the publicly known test keys they are.
 */
export function formatBanner({ version, spec, chain, options, engine, endpoints }: BannerFacts): string[] {
  const head = chain.head.header;
  const rules = chain.rulesFor({ number: head.number + 1n, timestamp: head.timestamp + 1n }, chain.headTotalDifficulty);
  const sealing = engine === 'dev' ? (options['dev-block-period'] > 0 ? `, a block every ${options['dev-block-period']} s` : ', sealing as soon as transactions are pending') : '';
  const lines = [
    `Cairn v${version}`,
    row('network', `${spec.name} (chain id ${chain.config.chainId})`),
    row('genesis', bytesToHex(chain.genesis.hash())),
    row('head', `#${head.number} ${bytesToHex(chain.head.hash())}`),
    row('fork', forkName(rules.fork)),
    row('consensus', `${engine}${sealing}`),
    row('data path', options['data-path']),
    row('pruning', options['pruning-enabled'] ? `on, the state of the last ${options['pruning-blocks-retained']} blocks retained` : 'off'),
    row('JSON-RPC HTTP', endpoints.http ? `${endpoints.http} (${options['rpc-http-api'].join(',')})` : 'off'),
    row('JSON-RPC WS', endpoints.ws ? `${endpoints.ws} (${options['rpc-ws-api'].join(',')})` : 'off'),
    row('metrics', endpoints.metrics ?? 'off'),
    row('p2p', endpoints.enode ?? 'off'),
  ];
  if (spec.devAccounts.length > 0) {
    lines.push(
      '',
      `Development accounts, ${DEV_ACCOUNT_BALANCE / 10n ** 18n} ETH each (mnemonic "${DEV_MNEMONIC}", path m/44'/60'/0'/0/i).`,
      'WARNING: these private keys are publicly known test keys. Never send real funds to them or use them on a real network.',
      '',
    );
    for (const account of spec.devAccounts) {
      lines.push(`  (${account.index}) ${toChecksumAddress(account.address)}  private key ${bytesToHex(account.privateKey)}`);
    }
  }
  return lines;
}
