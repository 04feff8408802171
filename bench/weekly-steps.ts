/**
 * The content changes the benches make between builds, as a clerk's week
 * would: shared by bench/run.ts and bench/baseline.ts so both measure the
 * same steps.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The id of an entry in the latest (unpublished) issue. */
export async function latestIssueEntry(content: string): Promise<string> {
  const years = (await readdir(join(content, 'issues'))).sort();
  const dir = join(content, 'issues', years.at(-1)!);
  const files = (await readdir(dir)).sort();
  const text = await readFile(join(dir, files.at(-1)!), 'utf8');
  return /^\s+- (.+)$/m.exec(text)![1]!;
}

/** Five ready entries dated at the end of `lastYear`, for the next issue. */
export async function addPendingEntries(content: string, lastYear: number, index: number): Promise<void> {
  const dir = join(content, 'entries', String(lastYear), '12');
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < 5; i++) {
    await writeFile(
      join(dir, `bench-${index}-${i}.md`),
      `---\nsection: work-updates\ndate: ${lastYear}-12-${String(20 + index).padStart(2, '0')}\nunit: yjj\n---\n\n12月${20 + index}日，区应急管理局开展岁末年初安全生产检查。\n`,
    );
  }
}
