import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonRpcError } from '../errors/json-rpc-error';
import { BlockParameterSchema } from '../schemas/block-parameter';
import { CallRequestSchema } from '../schemas/call-request';
import { Address } from '../schemas/primitives';
import { parseParams } from './params';

const schema = z.tuple([Address.describe('address'), BlockParameterSchema.optional().describe('block')]);
const call = z.tuple([CallRequestSchema.describe('transaction'), BlockParameterSchema.optional().describe('block')]);
const A = '0x00000000000000000000000000000000000000aa';

function failure(run: () => unknown): JsonRpcError {
  try {
    run();
  } catch (error) {
    expect(JsonRpcError.is(error) && error.rpcCode === -32602).toBe(true);
    return error as JsonRpcError;
  }
  throw new Error('expected a failure');
}

describe('parseParams', () => {
  it('parses positional params with optional trailing ones, null meaning absent', () => {
    expect(parseParams(schema, [A])[1]).toBeUndefined();
    expect(parseParams(schema, [A, null])[1]).toBeUndefined();
    expect(parseParams(schema, [A, 'latest'])[1]).toEqual({ kind: 'tag', tag: 'latest' });
  });

  it('names the parameter and the field inside it', () => {
    expect(failure(() => parseParams(schema, ['0x12'])).message).toMatch(/^Invalid params: params\[0\] \(address\): invalid address/);
    expect(failure(() => parseParams(call, [{ to: '0x1' }])).message).toContain('params[0] (transaction).to:');
    expect(failure(() => parseParams(schema, [A, 'soon'])).message).toContain('params[1] (block):');
  });

  it('counts parameters', () => {
    expect(failure(() => parseParams(schema, [])).message).toContain('missing value for required argument params[0] (address)');
    expect(failure(() => parseParams(schema, [null])).message).toContain('params[0] (address)');
    expect(failure(() => parseParams(schema, [A, 'latest', 1])).message).toContain('expected at most 2 parameters, got 3');
    expect(failure(() => parseParams(schema, { address: A })).message).toContain('positional array');
  });
});
