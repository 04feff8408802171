/** The sample content shipped in content/ checks clean: only the deliberate pending entries warn. */
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CONTENT } from './helpers.ts';

describe('sample content', () => {
  it('jianbao check exits 0; the only warnings are the two deliberately pending entries', async () => {
    const result = await runCli(['check', '--format', 'json', '--content', SAMPLE_CONTENT]);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toBe(0);
    expect(result.code).toBe(0);
    expect(json.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['entry/pending', 'entry/pending']);
  });
});
