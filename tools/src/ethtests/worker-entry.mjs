// Worker threads do not inherit the TypeScript loader the main thread was started with, so each
// worker registers it before loading the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
