import { Fork } from '@cairn/common';

/**
 * The fork names ethereum/tests uses, mapped to Cairn's forks. `EIP150` is Tangerine Whistle,
 * `EIP158` Spurious Dragon, `ConstantinopleFix` Petersburg and `Merge` an older name of Paris.
 */
const TEST_FORK_NAMES: Readonly<Record<string, Fork>> = {
  Frontier: Fork.Frontier,
  Homestead: Fork.Homestead,
  EIP150: Fork.TangerineWhistle,
  EIP158: Fork.SpuriousDragon,
  Byzantium: Fork.Byzantium,
  Constantinople: Fork.Constantinople,
  ConstantinopleFix: Fork.Petersburg,
  Petersburg: Fork.Petersburg,
  Istanbul: Fork.Istanbul,
  MuirGlacier: Fork.MuirGlacier,
  Berlin: Fork.Berlin,
  London: Fork.London,
  ArrowGlacier: Fork.ArrowGlacier,
  GrayGlacier: Fork.GrayGlacier,
  Merge: Fork.Paris,
  Paris: Fork.Paris,
  Shanghai: Fork.Shanghai,
  Cancun: Fork.Cancun,
};

/** Cairn's fork for a test-suite fork name, or undefined for a fork Cairn does not execute (Prague…). */
export function forkFromTestName(name: string): Fork | undefined {
  return Object.hasOwn(TEST_FORK_NAMES, name) ? TEST_FORK_NAMES[name] : undefined;
}

/** Whether a `--fork` option selects the test-suite fork `name` (it may name either spelling). */
export function forkSelected(option: string | undefined, name: string): boolean {
  if (option === undefined) return true;
  if (option === name) return true;
  const a = forkFromTestName(option);
  return a !== undefined && a === forkFromTestName(name);
}
