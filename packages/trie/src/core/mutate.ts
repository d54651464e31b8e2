import { equalBytes } from '@cairn/common';
import { joinNibbles, matchingLength, prependNibble } from './nibbles';
import { BRANCH, BranchNode, EXTENSION, ExtensionNode, HASH, LEAF, LeafNode, type LoadedNode, type TrieNode, childCount, copyNode, isClean } from './node';
import { type MutationContext, NeedNode } from './resolver';

/**
 * Synchronous insert and remove on an in-memory node tree. Both return the node that replaces
 * the one given (the same object when nothing changed and it is clean). When a node must be
 * loaded from the store first they return a `NeedNode` *before changing anything*: the caller
 * loads it and runs the operation again. Every resolution therefore happens on the way down,
 * ahead of the changes made on the way back up.
 */

/** The node itself, made dirty, when this trie owns it; a dirty copy when it is stored (shared). */
function writable<T extends LoadedNode>(ctx: MutationContext, node: T): T {
  if (!node.stored) {
    node.encoded = undefined;
    node.hash = undefined;
    return node;
  }
  ctx.discard(node);
  return copyNode(node) as T;
}

function drop(ctx: MutationContext, node: LoadedNode): void {
  if (node.stored) ctx.discard(node);
}

/** `leaf` under a new path: in place when owned, else a new leaf. */
function withPath(ctx: MutationContext, node: LeafNode | ExtensionNode, path: Uint8Array): LeafNode | ExtensionNode {
  const w = writable(ctx, node);
  w.path = path;
  return w;
}

export function insert(ctx: MutationContext, node: TrieNode | undefined, key: Uint8Array, pos: number, value: Uint8Array): TrieNode | NeedNode {
  if (node === undefined) return new LeafNode(key.subarray(pos), value);
  switch (node.kind) {
    case HASH: {
      const loaded = ctx.resolve(node);
      if (loaded === undefined) return new NeedNode(node.hash);
      const result = insert(ctx, loaded, key, pos, value);
      return result === loaded ? node : result;
    }
    case LEAF:
      return insertAtLeaf(ctx, node, key, pos, value);
    case EXTENSION:
      return insertAtExtension(ctx, node, key, pos, value);
    case BRANCH:
      return insertAtBranch(ctx, node, key, pos, value);
  }
}

function insertAtLeaf(ctx: MutationContext, leaf: LeafNode, key: Uint8Array, pos: number, value: Uint8Array): TrieNode {
  const path = leaf.path;
  const m = matchingLength(path, key, pos);
  const rest = key.length - pos;
  if (m === path.length && m === rest) {
    if (equalBytes(leaf.value, value)) return leaf;
    const w = writable(ctx, leaf);
    w.value = value;
    return w;
  }
  const branch = new BranchNode();
  if (m === path.length) {
    branch.value = leaf.value;
    drop(ctx, leaf);
  } else {
    branch.children[path[m]] = withPath(ctx, leaf, path.subarray(m + 1));
  }
  if (m === rest) branch.value = value;
  else branch.children[key[pos + m]] = new LeafNode(key.subarray(pos + m + 1), value);
  return m === 0 ? branch : new ExtensionNode(key.subarray(pos, pos + m), branch);
}

function insertAtExtension(ctx: MutationContext, ext: ExtensionNode, key: Uint8Array, pos: number, value: Uint8Array): TrieNode | NeedNode {
  const path = ext.path;
  const m = matchingLength(path, key, pos);
  if (m === path.length) {
    const child = insert(ctx, ext.child, key, pos + m, value);
    if (child instanceof NeedNode) return child;
    if (child === ext.child && isClean(child)) return ext;
    const w = writable(ctx, ext);
    w.child = child;
    return w;
  }
  const branch = new BranchNode();
  branch.children[path[m]] = m + 1 === path.length ? ext.child : withPath(ctx, ext, path.subarray(m + 1));
  if (m + 1 === path.length) drop(ctx, ext);
  if (pos + m === key.length) branch.value = value;
  else branch.children[key[pos + m]] = new LeafNode(key.subarray(pos + m + 1), value);
  return m === 0 ? branch : new ExtensionNode(key.subarray(pos, pos + m), branch);
}

function insertAtBranch(ctx: MutationContext, branch: BranchNode, key: Uint8Array, pos: number, value: Uint8Array): TrieNode | NeedNode {
  if (pos === key.length) {
    if (branch.value !== undefined && equalBytes(branch.value, value)) return branch;
    const w = writable(ctx, branch);
    w.value = value;
    return w;
  }
  const index = key[pos];
  const child = branch.children[index];
  const result = insert(ctx, child, key, pos + 1, value);
  if (result instanceof NeedNode) return result;
  if (result === child && isClean(result)) return branch;
  const w = writable(ctx, branch);
  w.children[index] = result;
  return w;
}

/** `node` with `key` removed; undefined when nothing is left. */
export function remove(ctx: MutationContext, node: TrieNode | undefined, key: Uint8Array, pos: number): TrieNode | undefined | NeedNode {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case HASH: {
      const loaded = ctx.resolve(node);
      if (loaded === undefined) return new NeedNode(node.hash);
      const result = remove(ctx, loaded, key, pos);
      return result === loaded ? node : result;
    }
    case LEAF: {
      const m = matchingLength(node.path, key, pos);
      if (m !== node.path.length || m !== key.length - pos) return node;
      drop(ctx, node);
      return undefined;
    }
    case EXTENSION:
      return removeAtExtension(ctx, node, key, pos);
    case BRANCH:
      return removeAtBranch(ctx, node, key, pos);
  }
}

function removeAtExtension(ctx: MutationContext, ext: ExtensionNode, key: Uint8Array, pos: number): TrieNode | undefined | NeedNode {
  const m = matchingLength(ext.path, key, pos);
  if (m !== ext.path.length) return ext;
  const child = remove(ctx, ext.child, key, pos + m);
  if (child instanceof NeedNode) return child;
  if (child === ext.child && isClean(child)) return ext;
  if (child === undefined) {
    // Cannot happen in a well-formed trie (an extension leads to a branch of two or more entries).
    drop(ctx, ext);
    return undefined;
  }
  if (child.kind === LEAF || child.kind === EXTENSION) {
    // The branch below collapsed: the extension's path and the child's merge into one node.
    drop(ctx, ext);
    return withPath(ctx, child, joinNibbles(ext.path, child.path));
  }
  const w = writable(ctx, ext);
  w.child = child;
  return w;
}

/** The only entry of a branch other than child `except`: its index, or 16 for the value. */
function otherEntry(branch: BranchNode, except: number): number {
  for (let i = 0; i < 16; i++) if (i !== except && branch.children[i] !== undefined) return i;
  return 16;
}

function removeAtBranch(ctx: MutationContext, branch: BranchNode, key: Uint8Array, pos: number): TrieNode | undefined | NeedNode {
  const atValue = pos === key.length;
  const index = atValue ? 16 : key[pos];
  const target = atValue ? branch.value : branch.children[index];
  if (target === undefined) return branch;
  const entries = childCount(branch) + (branch.value === undefined ? 0 : 1);
  // A branch left with one entry collapses into it, so that entry must be loaded now, before
  // anything below is changed.
  const survivor = entries === 2 ? otherEntry(branch, index) : -1;
  let survivorNode: LoadedNode | undefined;
  if (survivor >= 0 && survivor < 16) {
    const ref = branch.children[survivor]!;
    if (ref.kind !== HASH) survivorNode = ref;
    else if ((survivorNode = ctx.resolve(ref)) === undefined) return new NeedNode(ref.hash);
  }
  let result: TrieNode | undefined;
  if (!atValue) {
    const child = remove(ctx, branch.children[index], key, pos + 1);
    if (child instanceof NeedNode) return child;
    if (child === branch.children[index] && isClean(child!)) return branch;
    result = child;
  }
  if (result !== undefined || entries > 2) {
    const w = writable(ctx, branch);
    if (atValue) w.value = undefined;
    else w.children[index] = result;
    return w;
  }
  drop(ctx, branch);
  if (survivor === 16) return new LeafNode(key.subarray(pos, pos), branch.value!);
  if (survivor < 0) return undefined;
  const only = survivorNode!;
  if (only.kind === BRANCH) return new ExtensionNode(Uint8Array.of(survivor), branch.children[survivor]!);
  return withPath(ctx, only, prependNibble(survivor, only.path));
}
