/**
 * `check --fix`: repair what is safe to repair without a human — re-encode
 * GBK/Big5 to UTF-8, strip the BOM, CRLF → LF, full-width colon after a
 * known key. Each file is written atomically (temp file + rename).
 */
import { writeAtomic } from './atomic.ts';
import { join } from 'node:path';
import { ENCODING_NAMES } from './load/decode.ts';
import type { SourceFile } from './load/content.ts';

export interface FixReport {
  file: string;
  /** What was changed, in Chinese. */
  changes: string[];
}

/** Fix the given source files in `dir`; returns what changed per file. */
export async function applyFixes(dir: string, files: SourceFile[]): Promise<FixReport[]> {
  const reports: FixReport[] = [];
  for (const source of files) {
    const changes: string[] = [];
    if (source.encoding && source.encoding !== 'utf-8')
      changes.push(`由 ${ENCODING_NAMES[source.encoding]} 转为 UTF-8`);
    if (source.bom) changes.push('删除 BOM');
    if (source.crlf) changes.push('CRLF 换行改为 LF');
    let text = source.text; // already decoded and LF
    if (source.fullWidthColons.length > 0) {
      const lines = text.split('\n');
      const fixedLines: number[] = [];
      for (const { line, column } of source.fullWidthColons) {
        const current = lines[line - 1];
        if (current === undefined || current[column - 1] !== '：') continue;
        const rest = current.slice(column);
        lines[line - 1] = `${current.slice(0, column - 1)}:${rest.startsWith(' ') ? '' : ' '}${rest}`;
        fixedLines.push(line);
      }
      if (fixedLines.length) {
        text = lines.join('\n');
        changes.push(`第 ${fixedLines.join('、')} 行键名后的全角冒号改为英文冒号`);
      }
    }
    if (changes.length === 0) continue;
    const target = join(dir, source.path);
    await writeAtomic(target, text);
    reports.push({ file: source.path, changes });
  }
  return reports;
}
