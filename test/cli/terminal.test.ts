/**
 * Untrusted text on the terminal and in feed.xml: escape sequences and bidi
 * controls from front matter or file names are shown as their codes, never
 * obeyed; control characters in a title are rejected by check, and feed.xml
 * stays well-formed XML even when a headline taken from a body carries one.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/site/feed.ts';
import { compileDir, editedBase } from '../core/compile/compile-helpers.ts';
import { copyContent, runCli } from '../helpers/index.ts';

const ESC = '\u001b';
const FAKE_OK = `${ESC}[2J${ESC}[H✓ 没有发现问题`;

describe('diagnostics on the terminal', () => {
  it('escape and bidi controls in front matter and file names are shown escaped', async () => {
    const content = await copyContent();
    await mkdir(join(content, 'entries/2024'), { recursive: true });
    // A double-quoted YAML string may carry any control character; the unit is unknown, so the message quotes it.
    await writeFile(
      join(content, 'entries/2024/伪装.md'),
      `---\nsection: work-updates\ndate: 2024-06-20\nunit: "\\e[2J\\e[H✓ 没有发现问题\\u202E"\n---\n\n正文。\n`,
    );
    await writeFile(
      join(content, `entries/2024/名${ESC}[31m字\u202E.md`),
      `---\nsection: 工作动况\ndate: 2024-06-20\nunit: qsz\n---\n\n正文。\n`,
    );
    const result = await runCli(['check', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\u202E');
    expect(result.stdout).toContain('\\x1B[2J\\x1B[H✓ 没有发现问题\\u202E');
    expect(result.stdout).toContain('名\\x1B[31m字\\u202E.md');
    expect(result.stdout).not.toContain(FAKE_OK);
  });

  it('control characters in a title are an error at the title', async () => {
    const content = await editedBase({
      'entries/2024/应急检查.md': (text) => text.replace('unit: 应急局', 'unit: 应急局\ntitle: "检查\\f通报\\x01"'),
    });
    const result = await runCli(['check', '--content', content, '--format', 'json']);
    const diagnostics = (
      JSON.parse(result.stdout) as { diagnostics: { rule: string; line: number; message: string }[] }
    ).diagnostics;
    const invalid = diagnostics.find((d) => d.rule === 'schema/invalid');
    expect(invalid).toMatchObject({ line: 5 });
    expect(invalid?.message).toContain('控制字符 U+000C（第 3 个字符）');
    expect(result.code).toBe(1);
  });
});

describe('feed.xml', () => {
  it('stays well-formed when a headline from an entry body carries control characters', async () => {
    const content = await editedBase({
      'entries/2024/应急检查.md': (text) => text.replace('专项检查。', '专项\u000b检查\u0001。'),
    });
    const site = await compileDir(content);
    const feed = atomFeed(site);
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toMatch(/专项 ?检查。/);
    expect(await readFile(join(content, 'entries/2024/应急检查.md'), 'utf8')).toContain('\u000b');
  });
});
