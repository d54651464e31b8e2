/**
 * Ethereum's hard forks in activation order. The numeric value is the position, so that
 * "at or after" is a plain comparison and a fork can index tables.
 */
export enum Fork {
  Frontier = 0,
  Homestead = 1,
  DAO = 2,
  TangerineWhistle = 3,
  SpuriousDragon = 4,
  Byzantium = 5,
  Constantinople = 6,
  Petersburg = 7,
  Istanbul = 8,
  MuirGlacier = 9,
  Berlin = 10,
  London = 11,
  ArrowGlacier = 12,
  GrayGlacier = 13,
  Paris = 14,
  Shanghai = 15,
  Cancun = 16,
}

/** Every fork, oldest first. */
export const FORKS: readonly Fork[] = Object.values(Fork).filter((v): v is Fork => typeof v === 'number');

/** The newest fork Cairn executes. */
export const LATEST_FORK = Fork.Cancun;

/** The first fork activated by timestamp instead of block number. */
export const FIRST_TIMESTAMP_FORK = Fork.Shanghai;

/** The name of a fork as Cairn prints it (`Fork[fork]`). */
export function forkName(fork: Fork): string {
  return Fork[fork];
}

/**
 * The EIPs each fork switches on. Petersburg's entry removes EIP-1283 again; every other fork
 * only adds. EIPs that change nothing the client executes (bomb delays aside) are listed so that
 * the rules object can be asked about any of them.
 */
export const FORK_EIPS: Readonly<Record<Fork, { readonly add: readonly number[]; readonly remove?: readonly number[] }>> = {
  [Fork.Frontier]: { add: [] },
  [Fork.Homestead]: { add: [2, 7] },
  [Fork.DAO]: { add: [779] },
  [Fork.TangerineWhistle]: { add: [150] },
  [Fork.SpuriousDragon]: { add: [155, 160, 161, 170] },
  [Fork.Byzantium]: { add: [100, 140, 196, 197, 198, 211, 214, 649, 658] },
  [Fork.Constantinople]: { add: [145, 1014, 1052, 1234, 1283] },
  [Fork.Petersburg]: { add: [], remove: [1283] },
  [Fork.Istanbul]: { add: [152, 1108, 1344, 1884, 2028, 2200] },
  [Fork.MuirGlacier]: { add: [2384] },
  [Fork.Berlin]: { add: [2565, 2718, 2929, 2930] },
  [Fork.London]: { add: [1559, 3198, 3529, 3541, 3554] },
  [Fork.ArrowGlacier]: { add: [4345] },
  [Fork.GrayGlacier]: { add: [5133] },
  [Fork.Paris]: { add: [3675, 4399] },
  [Fork.Shanghai]: { add: [3651, 3855, 3860, 4895] },
  [Fork.Cancun]: { add: [1153, 4788, 4844, 5656, 6780, 7516] },
};
