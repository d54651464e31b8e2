import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Names a profiled position as `file:line` (one-based) relative to `root`, through the file's
 * source map (`<file>.map`, as tsup writes beside each bundle) when there is one, so that a
 * profile of the built packages points at their TypeScript sources.
 */
export class SourceLocator {
  private readonly maps = new Map<string, SourceMap | undefined>();

  constructor(private readonly root: string) {}

  describe(url: string, line: number, column: number): string {
    if (url === '') return '(native)';
    if (!url.startsWith('file://')) return `${url}:${line + 1}`;
    const file = fileURLToPath(url);
    const entry = this.mapOf(file)?.findEntry(line, column);
    if (entry !== undefined && 'originalSource' in entry) {
      const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(dirname(file), entry.originalSource);
      return `${relative(this.root, source)}:${entry.originalLine + 1}`;
    }
    return `${relative(this.root, file)}:${line + 1}`;
  }

  private mapOf(file: string): SourceMap | undefined {
    if (!this.maps.has(file)) {
      const mapFile = `${file}.map`;
      this.maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined);
    }
    return this.maps.get(file);
  }
}
