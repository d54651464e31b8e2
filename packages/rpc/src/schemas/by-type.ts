import { z } from 'zod';

type JsonKind = 'null' | 'string' | 'object' | 'array';

function kindOf(value: unknown): JsonKind | 'other' {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  return 'other';
}

/**
 * A schema that picks its branch by the JSON type of the input and reports that branch's own
 * issues, so that `{"blockHash": "0x12"}` is told what is wrong with `blockHash` rather than
 * "no union member matched".
 */
export function byType<T>(branches: Partial<Record<JsonKind, z.ZodType<T, unknown>>>, expected: string): z.ZodType<T, unknown> {
  return z.unknown().transform((value, ctx): T => {
    const kind = kindOf(value);
    const branch = kind === 'other' ? undefined : branches[kind];
    if (branch === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected ${expected}` });
      return z.NEVER;
    }
    const result = branch.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }) as unknown as z.ZodType<T, unknown>;
}
