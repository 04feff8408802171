/**
 * validate(): every cross-file rule over loaded content, once. Single-file
 * rules (YAML, schemas) ran while loading; when jianbao.yaml itself did not
 * load, validate says nothing more, since every other rule would be noise.
 */
import { describe, expect, it } from 'vitest';
import { entriesById, validate } from '../../../src/core/validate/index.ts';
import { loadBase } from '../../helpers/content.ts';

describe('validate', () => {
  it('finds nothing in the base fixture', async () => {
    const { content, registry } = await loadBase();
    expect(validate(content, registry)).toEqual([]);
  });

  it('runs the rules of every file kind in one pass: settings, series distribution, entries, issues, membership', async () => {
    const { content } = await loadBase({
      'units.yaml':
        '- { id: awb, name: 测试区安委办, aliases: [区安委办, 安委办] }\n- { id: awb, name: 测试区应急管理局, aliases: [应急局] }\n- { id: qsz, name: 青石镇 }\n',
      'entries/2024/应急检查.md': '---\nsection: work-updates\ndate: 2024-06-05\nunit: 应急管理\n---\n\n正文。\n',
      'issues/2024-04.md':
        '---\nyear: 2024\nnumber: 6\ntotal: 11\ndate: 2024-06-28\nentries: [2024/青石镇排查]\n发送:\n  报: [市委]\n---\n',
    });
    // The registry defaults to the one built from the content.
    expect(validate(content).map((d) => `${d.file} ${d.rule}`)).toEqual([
      'units.yaml settings/duplicate-id',
      'entries/2024/应急检查.md entry/unknown-unit',
      'issues/2024-04.md issue/unknown-recipient',
      'issues/2024-04.md issue/number-gap',
    ]);
  });

  it('says nothing when jianbao.yaml did not load', async () => {
    const { content } = await loadBase({
      'jianbao.yaml': 'site: [\n',
      'entries/2024/应急检查.md': '---\nsection: work-updates\ndate: 2024-06-05\nunit: 应急管理\n---\n',
    });
    expect(content.site).toBeUndefined();
    expect(validate(content)).toEqual([]);
  });
});

describe('entriesById', () => {
  it('indexes the entries by their id, the path under entries/ without .md', async () => {
    const { content } = await loadBase();
    expect([...entriesById(content.entries).keys()].sort()).toEqual([
      '2024/会议精神',
      '2024/区长督导',
      '2024/应急检查',
      '2024/青石镇排查',
    ]);
  });
});
