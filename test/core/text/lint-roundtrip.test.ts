/**
 * Real text, dirtied the way Word and WeChat dirty it (half-width commas and
 * full stops, straight quotes, Traditional characters, indentation with
 * ideographic spaces), then fixed: every sample entry comes back exactly.
 */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/core/registry.ts';
import { loadContent } from '../../../src/core/load/content.ts';
import { fixBody } from '../../../src/core/text/lint.ts';
import { SAMPLE_CONTENT } from '../../helpers/index.ts';

function dirty(body: string): string {
  return body
    .replace(/，/g, ',')
    .replace(/。(?!\n|$)/g, '. ')
    .replace(/。/g, '.')
    .replace(/“([^”\n]*)”/g, '"$1"')
    .replace(/：/g, ':')
    .replace(/区/g, '區')
    .replace(/^(?=[\u4e00-\u9fff])/gm, '\u3000\u3000');
}

describe('lint --fix on dirtied sample content', () => {
  it('restores every entry exactly', async () => {
    const content = await loadContent(SAMPLE_CONTENT);
    const registry = buildRegistry(content);
    expect(content.entries.length).toBeGreaterThan(50);
    let changed = 0;
    for (const entry of content.entries) {
      const input = dirty(entry.body);
      if (input !== entry.body) changed++;
      expect({ id: entry.id, text: fixBody(input, { date: entry.data.date, registry }).text }).toEqual({
        id: entry.id,
        text: entry.body,
      });
    }
    expect(changed).toBeGreaterThan(50);
  });
});
