export * from './errors';
export * from './rlpx/ecies';
export * from './rlpx/connection';
export * from './p2p/disconnect-reason';
export * from './p2p/hello';
export * from './p2p/capabilities';
export * from './p2p/session';
export * from './forkid/fork-id';
