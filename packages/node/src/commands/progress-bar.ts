import type { ImportProgress } from '@cairn/chain';

const BAR_WIDTH = 24;

/** `1234.5` → `1234.5`, with one decimal below 100 and none above. */
function rate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/**
 * One line of an import's progress: a bar of the file read so far, blocks, blocks/s, Mgas/s and
 * the head. Rates are over the whole import so far.
 */
export function formatImportProgress(progress: ImportProgress, fileBytes: number): string {
  const fraction = fileBytes > 0 ? Math.min(1, progress.bytesRead / fileBytes) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const seconds = Math.max(progress.elapsedMs / 1000, 1e-9);
  const imported = progress.blocks - progress.known;
  const mgas = Number(progress.gasUsed) / 1e6 / seconds;
  return [
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`,
    `${progress.blocks} blocks${progress.known > 0 ? ` (${progress.known} already stored)` : ''}`,
    `${rate(imported / seconds)} blocks/s`,
    `${rate(mgas)} Mgas/s`,
    `head #${progress.head.number}`,
  ].join('  ');
}
