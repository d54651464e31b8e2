import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One workspace package as the boundary check sees it. */
export interface PackageInfo {
  readonly name: string;
  readonly dir: string;
  readonly layer: number;
}

/** An import of a package from the same layer or one below it. */
export interface BoundaryViolation {
  readonly from: string;
  readonly to: string;
  readonly where: string;
}

const IMPORT_PATTERN = /(?:from\s+|import\s*\(\s*|import\s+)['"](@cairn\/[a-z0-9-]+)/g;

function layerOf(manifest: { name: string; nx?: { tags?: string[] } }): number {
  const tag = manifest.nx?.tags?.find((t) => t.startsWith('layer:'));
  const layer = tag ? Number(tag.slice('layer:'.length)) : Number.NaN;
  if (!Number.isInteger(layer)) throw new Error(`${manifest.name} has no numeric "layer:N" tag in package.json nx.tags`);
  return layer;
}

/** Every package under `packagesDir`, with the layer its Nx project tag gives. */
export function readPackages(packagesDir: string): PackageInfo[] {
  return readdirSync(packagesDir)
    .map((entry) => join(packagesDir, entry))
    .filter((dir) => statSync(dir).isDirectory())
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, dir, layer: layerOf(manifest) };
    });
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Finds every place where a package depends on a package that is not in a strictly higher layer
 * of ARCHITECTURE.md (layer 1 is `common`, the top): in its source imports and in its manifest.
 */
export function findViolations(packagesDir: string): BoundaryViolation[] {
  const packages = readPackages(packagesDir);
  const layers = new Map(packages.map((p) => [p.name, p.layer]));
  const violations: BoundaryViolation[] = [];
  for (const pkg of packages) {
    const allowed = (target: string) => target === pkg.name || (layers.get(target) ?? Number.POSITIVE_INFINITY) < pkg.layer;
    const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const dep of Object.keys(manifest[field] ?? {})) {
        if (dep.startsWith('@cairn/') && !allowed(dep)) {
          violations.push({ from: pkg.name, to: dep, where: `${relative(packagesDir, pkg.dir)}/package.json (${field})` });
        }
      }
    }
    for (const file of sourceFiles(pkg.dir)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT_PATTERN)) {
        if (!allowed(match[1])) {
          const line = text.slice(0, match.index).split('\n').length;
          violations.push({ from: pkg.name, to: match[1], where: `${relative(packagesDir, file)}:${line}` });
        }
      }
    }
  }
  return violations;
}
