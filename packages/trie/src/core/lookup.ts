import { matchingLength } from './nibbles';
import { BRANCH, EXTENSION, HASH, LEAF, type TrieNode } from './node';
import { NeedNode, type NodeResolver } from './resolver';

/** The value at `key` (in nibbles), undefined when absent, or the node that must be loaded first. */
export function lookup(resolver: NodeResolver, root: TrieNode | undefined, key: Uint8Array): Uint8Array | undefined | NeedNode {
  let node = root;
  let pos = 0;
  while (node !== undefined) {
    switch (node.kind) {
      case HASH: {
        const loaded = resolver.resolve(node);
        if (loaded === undefined) return new NeedNode(node.hash);
        node = loaded;
        break;
      }
      case LEAF: {
        const m = matchingLength(node.path, key, pos);
        return m === node.path.length && m === key.length - pos ? node.value : undefined;
      }
      case EXTENSION: {
        const m = matchingLength(node.path, key, pos);
        if (m !== node.path.length) return undefined;
        pos += m;
        node = node.child;
        break;
      }
      case BRANCH:
        if (pos === key.length) return node.value;
        node = node.children[key[pos++]];
        break;
    }
  }
  return undefined;
}
