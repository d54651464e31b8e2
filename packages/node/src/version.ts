import packageJson from '../package.json' with { type: 'json' };

/** This build's version, from the package manifest (`web3_clientVersion`, `--version`, the banner). */
export const CAIRN_VERSION: string = packageJson.version;
