/** The sample content shipped in content/ checks clean: only the deliberate pending entries warn. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/core/index.ts';
import { runCli, SAMPLE_CONTENT } from '../helpers/index.ts';

describe('sample content', () => {
  it('jianbao check exits 0; the only warnings are the two deliberately pending entries', async () => {
    const result = await runCli(['check', '--format', 'json', '--content', SAMPLE_CONTENT]);
    const json = JSON.parse(result.stdout) as { errors: number; diagnostics: { rule: string }[] };
    expect(json.errors).toBe(0);
    expect(result.code).toBe(0);
    expect(json.diagnostics.map((d) => d.rule)).toEqual(['entry/pending', 'entry/pending']);
  });

  it('reads as a real archive: every issue published and archived, matching its snapshot, but the newest 简报, a draft', async () => {
    const result = await checkContent(SAMPLE_CONTENT);
    const drafts = result.content.issues.filter((issue) => issue.data.status === 'draft');
    expect(drafts.map((issue) => issue.file)).toEqual(['issues/jianbao/2025-03.md']);
    const published = result.content.issues.filter((issue) => issue.data.status === 'published');
    expect(published).toHaveLength(result.content.issues.length - 1);
    for (const issue of published) {
      const key = `${issue.data.series ?? ''}/${issue.data.year}/${issue.data.number}`;
      expect(result.archive.issues.get(key)?.latest?.issue.file, key).toBe(issue.file);
      expect(result.diagnostics.filter((d) => d.file === issue.file)).toEqual([]);
    }
    expect(result.diagnostics.filter((d) => d.rule.startsWith('archive/'))).toEqual([]);
  });
});
