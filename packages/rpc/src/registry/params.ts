import type { z } from 'zod';
import { invalidParams } from '../errors/json-rpc-error';
import type { ParamsSchema } from './method';

/** The parameter's `.describe()` name, looked up through `.optional()` wrappers too. */
function nameOf(item: z.ZodType): string | undefined {
  let schema: z.ZodType | undefined = item;
  while (schema !== undefined && schema.description === undefined) {
    const wrapper: { unwrap?: () => z.ZodType } = schema as never;
    schema = typeof wrapper.unwrap === 'function' ? wrapper.unwrap() : undefined;
  }
  return schema?.description;
}

function label(index: number, item: z.ZodType): string {
  const name = nameOf(item);
  return name ? `params[${index}] (${name})` : `params[${index}]`;
}

function isOptional(item: z.ZodType): boolean {
  return item.safeParse(undefined).success;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

/**
 * Parses raw JSON-RPC `params` against a method's positional tuple. Absent params count as an
 * empty list and a JSON null in an optional position as absent (as geth reads them). Every error
 * is a -32602 that names the parameter and the field inside it.
 */
export function parseParams<P extends ParamsSchema>(schema: P, raw: unknown): z.output<P> {
  if (raw !== undefined && !Array.isArray(raw)) throw invalidParams('params must be a positional array');
  const items = schema.def.items;
  const values = raw === undefined ? [] : [...raw];
  if (values.length > items.length) {
    throw invalidParams(`expected at most ${items.length} parameter${items.length === 1 ? '' : 's'}, got ${values.length}`);
  }
  for (let i = 0; i < items.length; i++) {
    if (values[i] === null && isOptional(items[i])) values[i] = undefined;
  }
  while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
  const required = items.findIndex(isOptional);
  const needed = required === -1 ? items.length : required;
  if (values.length < needed) throw invalidParams(`missing value for required argument ${label(values.length, items[values.length])}`);
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    return typeof index === 'number' ? issueText(index, items[index], rest, issue.message) : `params: ${issue.message}`;
  });
  throw invalidParams(details.join('; '));
}

function issueText(index: number, item: z.ZodType, path: readonly PropertyKey[], message: string): string {
  return `${label(index, item)}${describePath(path)}: ${message}`;
}

/** Parses the parameter at `index` alone, for methods whose later parameters depend on an earlier one. */
export function parseParam<S extends z.ZodType>(item: S, index: number, raw: unknown): z.output<S> {
  const result = item.safeParse(raw === null && isOptional(item) ? undefined : raw);
  if (result.success) return result.data;
  throw invalidParams(result.error.issues.map((issue) => issueText(index, item, issue.path, issue.message)).join('; '));
}
