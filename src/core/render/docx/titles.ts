/**
 * Titles as the print page sets them: the lines the clerk forced (｜ or a
 * line break), and a line too long for one line broken only between words
 * (compile/title.ts: never 东城街道 into 东 / 城街道) into lines of balanced
 * length, each a Word line break — Word itself breaks Chinese anywhere.
 */
import { TextRun } from 'docx';
import type { CompiledEntry } from '../../model/issue.ts';
import { width } from './pagination.ts';

/** Words split into the fewest lines of at most `chars`, the longest as short as it can be; undefined when a word alone is too long. */
export function balancedLines(words: readonly string[], chars: number): string[] | undefined {
  const total = width(words.join(''));
  if (total <= chars) return [words.join('')];
  for (let count = Math.ceil(total / chars); count <= words.length; count++) {
    const best = partition(words, count, chars);
    if (best) return best;
  }
  return undefined;
}

/** The split of `words` into `count` lines that minimises the longest line, each at most `chars`. */
function partition(words: readonly string[], count: number, chars: number): string[] | undefined {
  const sizes = words.map(width);
  // best[k][i]: the longest line of the best split of the first i words into k lines, and where its last line starts.
  const best: { longest: number; from: number }[][] = [[{ longest: 0, from: 0 }]];
  for (let k = 1; k <= count; k++) {
    best[k] = [];
    for (let i = 1; i <= words.length; i++) {
      let line = 0;
      for (let from = i - 1; from >= 0; from--) {
        line += sizes[from]!;
        if (line > chars + 1e-9) break;
        const before = best[k - 1]![from];
        if (!before) continue;
        const longest = Math.max(before.longest, line);
        if (!best[k]![i] || longest < best[k]![i]!.longest) best[k]![i] = { longest, from };
      }
    }
  }
  if (!best[count]![words.length]) return undefined;
  const lines: string[] = [];
  for (let k = count, i = words.length; k > 0; k--) {
    const { from } = best[k]![i]!;
    lines.unshift(words.slice(from, i).join(''));
    i = from;
  }
  return lines;
}

/** The title's runs: its lines, a line break between them; `chars`: characters a line of its style holds. */
export function titleRuns(entry: Pick<CompiledEntry, 'title' | 'titleLines' | 'headline'>, chars: number): TextRun[] {
  const forced = entry.titleLines ?? [[entry.title ?? entry.headline]];
  const lines = forced.flatMap((words) => balancedLines(words, chars) ?? [words.join('')]);
  return lines.map((text, index) => new TextRun({ text, ...(index > 0 ? { break: 1 } : {}) }));
}
