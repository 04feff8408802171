/**
 * What `jianbao check` says about content an unlucky clerk (or an attacker)
 * hands it: nesting too deep for the Markdown tools, file names equal after
 * NFC, a site path leading to another host, links out of the content
 * directory, unreadable and wrong-type files, UTF-16, 100,000 unknown keys.
 * Each gets one precise Chinese diagnostic at its file and line, never a
 * crash. Real files; the unreadable ones are read by a real process running
 * as an unprivileged user (root reads everything).
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, ROOT, runCli, tempDir } from '../../helpers/index.ts';

const HEAD = '---\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\n---\n\n';

async function write(dir: string, path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

async function check(content: string) {
  const result = await runCli(['check', '--content', content, '--format', 'json']);
  const parsed = JSON.parse(result.stdout) as {
    errors: number;
    diagnostics: { rule: string; file: string; line: number; column: number; message: string; hint?: string }[];
  };
  return { ...result, ...parsed };
}

describe('deep nesting', () => {
  for (const [name, body, line] of [
    ['6,000 quote markers', `${'>'.repeat(6000)} 正文`, 7],
    ['4,000 nested list items', `${'- '.repeat(4000)}正文`, 7],
    [
      'a list indented 400 levels',
      Array.from({ length: 400 }, (_, level) => `${' '.repeat(level * 2)}- 第${level}层`).join('\n'),
      7 + 32,
    ],
    ['10,000 emphasis markers', `${'**'.repeat(5000)}正文`, 7],
    ['6,000 open brackets', `第一行\n${'['.repeat(6000)}正文`, 8],
  ] as const) {
    it(`${name}: one diagnostic at the line, no crash, and build refuses`, async () => {
      const content = await copyContent();
      await write(content, 'entries/2024/深.md', `${HEAD}${body}\n`);
      const result = await check(content);
      expect(result.code).toBe(1);
      const deep = result.diagnostics.filter((d) => d.rule === 'markdown/too-deep');
      expect(deep).toHaveLength(1);
      expect(deep[0]).toMatchObject({ file: 'entries/2024/深.md', line });
      expect(deep[0]!.message).toMatch(/超过 \d+ /);
      expect(result.stderr).toBe('');
    });
  }

  it('a real bulletin’s nesting (quotes, lists three deep, bold) passes', async () => {
    const content = await copyContent();
    await write(
      content,
      'entries/2024/浅.md',
      `${HEAD}> 引用\n> > 引用中的引用\n\n- 一\n  - 二\n    - **三**\n\n[链接](https://example.com)\n`,
    );
    const result = await check(content);
    expect(result.diagnostics.filter((d) => d.rule === 'markdown/too-deep')).toEqual([]);
  });
});

describe('file names equal after NFC', () => {
  it('NFD and NFC spellings, and a CJK compatibility ideograph, are duplicates', async () => {
    const content = await copyContent();
    await write(content, `entries/2024/${'café'.normalize('NFD')}.md`, `${HEAD}正文一。\n`);
    await write(content, `entries/2024/${'café'.normalize('NFC')}.md`, `${HEAD}正文二。\n`);
    await write(content, 'entries/2024/\uFA10.md', `${HEAD}正文三。\n`);
    await write(content, 'entries/2024/\u585A.md', `${HEAD}正文四。\n`);
    const result = await check(content);
    const twins = result.diagnostics.filter((d) => d.rule === 'entry/duplicate-id');
    expect(twins).toHaveLength(2);
    for (const twin of twins) expect(twin.message).toContain('只是 Unicode 写法不同');
    expect(result.code).toBe(1);
  });
});

describe('site.base', () => {
  for (const base of ['//evil.example/', '/\\evil.example/', '/a//b/', '/../', 'bulletin/']) {
    it(`refuses ${base}`, async () => {
      const content = await copyContent();
      const settings = await readFile(join(content, 'jianbao.yaml'), 'utf8');
      await writeFile(
        join(content, 'jianbao.yaml'),
        settings.replace('base: /', `base: "${base.replace(/\\/g, '\\\\')}"`),
      );
      const result = await check(content);
      const invalid = result.diagnostics.find((d) => d.file === 'jianbao.yaml' && d.rule === 'schema/invalid');
      expect(invalid?.message).toContain('站点路径');
      expect(invalid?.line).toBe(3);
    });
  }
  it('accepts /简报/ and /a/b/', async () => {
    const content = await copyContent();
    const settings = await readFile(join(content, 'jianbao.yaml'), 'utf8');
    await writeFile(join(content, 'jianbao.yaml'), settings.replace('base: /', 'base: /安全/简报/'));
    expect((await check(content)).errors).toBe(0);
  });
});

describe('symbolic links out of the content directory', () => {
  it('are refused for entries, entry folders and settings files, with the path', async () => {
    const content = await copyContent();
    const outside = await tempDir();
    await write(outside, 'secret.md', `${HEAD}外部文件。\n`);
    await write(outside, 'folder/other.md', `${HEAD}外部文件夹。\n`);
    await write(outside, 'units.yaml', '- id: evil\n  name: 外部单位\n');
    await symlink(join(outside, 'secret.md'), join(content, 'entries/2024/链接.md'));
    await symlink(join(outside, 'folder'), join(content, 'entries/外部'));
    await rm(join(content, 'units.yaml'));
    await symlink(join(outside, 'units.yaml'), join(content, 'units.yaml'));
    const result = await check(content);
    const refused = result.diagnostics.filter((d) => d.rule === 'file/outside');
    expect(refused.map((d) => d.file).sort()).toEqual(['entries/2024/链接.md', 'entries/外部', 'units.yaml']);
    for (const d of refused) expect(d.message).toContain(outside);
    expect(JSON.stringify(result.diagnostics)).not.toContain('外部单位');
  });

  it('a link inside the content directory is followed', async () => {
    const content = await copyContent();
    await write(content, 'entries/2024/原文.md', `${HEAD}正文。\n`);
    await symlink(join(content, 'entries/2024'), join(content, 'entries/别名'));
    const result = await check(content);
    expect(result.diagnostics.filter((d) => d.rule === 'file/outside')).toEqual([]);
  });
});

describe('wrong-type and unreadable files', () => {
  it('jianbao.yaml as a folder is not called missing', async () => {
    const content = await copyContent();
    await rm(join(content, 'jianbao.yaml'));
    await mkdir(join(content, 'jianbao.yaml'));
    const result = await check(content);
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('file/missing');
    expect(result.diagnostics.find((d) => d.file === 'jianbao.yaml')?.message).toContain('文件夹');
  });

  it('an entries file instead of a folder is one error, not zero entries and a flood', async () => {
    const content = await copyContent();
    await rm(join(content, 'entries'), { recursive: true });
    await writeFile(join(content, 'entries'), 'not a folder');
    const result = await check(content);
    const errors = result.diagnostics.filter((d) => d.rule !== 'entry/pending' && d.rule !== 'issue/unknown-recipient');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'entries', rule: 'file/read' });
    expect(errors[0]!.message).toContain('应是一个文件夹');
  });

  it('UTF-16 files are decoded and reported as not UTF-8 (fixable), not as binary', async () => {
    const content = await copyContent();
    const text = `${HEAD}6月20日，测试。\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    await write(content, 'entries/2024/记事本.md', le);
    await write(content, 'entries/2024/大端.md', be);
    await write(content, 'entries/2024/无标记.md', Buffer.from(text, 'utf16le'));
    const result = await check(content);
    for (const file of ['记事本', '大端', '无标记']) {
      const own = result.diagnostics.filter((d) => d.file === `entries/2024/${file}.md` && d.rule !== 'entry/pending');
      expect(own.map((d) => d.rule)).toEqual(['encoding/not-utf8']);
      expect(own[0]!.message).toContain('UTF-16');
    }
    const fixed = await runCli(['check', '--fix', '--content', content]);
    expect(fixed.stdout).toContain('UTF-16');
    expect(await readFile(join(content, 'entries/2024/记事本.md'), 'utf8')).toBe(text);
  });

  it('unreadable files and folders each get one precise message (a real process as an unprivileged user)', async () => {
    const content = await copyContent();
    await chmod(dirname(dirname(content)), 0o755);
    await chmod(dirname(content), 0o755);
    spawnSync('chmod', ['-R', 'a+rX', content]);
    for (const file of ['recipients.yaml', 'units.yaml', 'people.yaml']) await chmod(join(content, file), 0o000);
    await chmod(join(content, 'entries/2024'), 0o000);
    // The CLI bundle is refreshed by a run as ourselves first (the unprivileged user cannot write it).
    spawnSync(process.execPath, [join(ROOT, 'bin/jianbao.js'), '--version']);
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/jianbao.js'), 'check', '--content', content, '--format', 'json'],
      { uid: 65534, gid: 65534, encoding: 'utf8', cwd: '/', env: { PATH: process.env.PATH, TMPDIR: '/tmp' } },
    );
    await chmod(join(content, 'entries/2024'), 0o755);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; message: string }[] };
    const errors = result.diagnostics.filter((d) => d.rule === 'file/read');
    expect(errors.map((d) => d.file).sort()).toEqual(['entries/2024', 'people.yaml', 'recipients.yaml', 'units.yaml']);
    for (const d of errors) expect(d.message).toContain('没有读取权限');
    // The entries of the unreadable folder are not reported missing one by one.
    expect(result.diagnostics.filter((d) => d.rule === 'issue/entry-missing')).toEqual([]);
    expect(run.status).toBe(1);
  });
});

describe('unknown keys', () => {
  it(
    '100,000 unknown keys are each reported (the check is linear in the number of keys)',
    { timeout: 120_000 },
    async () => {
      const content = await copyContent();
      const keys = Array.from({ length: 100_000 }, (_, index) => `k${index}: 1`).join('\n');
      await write(
        content,
        'entries/2024/键.md',
        `---\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\n${keys}\n---\n\n正文。\n`,
      );
      const { loadContent } = await import('../../../src/core/load/content.ts');
      const loaded = await loadContent(content);
      const unknown = loaded.diagnostics.filter((d) => d.rule === 'schema/unknown-key');
      expect(unknown).toHaveLength(100_000);
      expect(unknown.at(-1)).toMatchObject({ line: 100_004, message: '未知的键「k99999」' });
    },
  );

  it('a key written twice is still a duplicate', async () => {
    const content = await copyContent();
    await write(
      content,
      'entries/2024/重复.md',
      `---\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\ndate: 2024-06-21\n---\n\n正文。\n`,
    );
    const result = await check(content);
    expect(result.diagnostics.find((d) => d.rule === 'yaml/duplicate-key')).toMatchObject({
      file: 'entries/2024/重复.md',
      line: 5,
      column: 1,
    });
  });
});

describe('a photo removed between the check and the compile', () => {
  it('fails the compile with a Chinese message naming the entry and the photo (no placeholder)', async () => {
    const { checkContent, compileSite } = await import('../../../src/core/index.ts');
    const { photo } = await import('../../helpers/pictures.ts');
    const content = await copyContent();
    await writeFile(join(content, 'entries/2024/现场.png'), photo());
    const entry = join(content, 'entries/2024/应急检查.md');
    await writeFile(entry, `${await readFile(entry, 'utf8')}\n![检查现场](./现场.png)\n`);
    const checked = await checkContent(content);
    expect(checked.errors).toBe(0);
    await rm(join(content, 'entries/2024/现场.png'));
    expect(() => compileSite(checked.content, checked.registry)).toThrow(
      /entries\/2024\/应急检查\.md:\d+:1 的图片 entries\/2024\/现场\.png 在检查之后被删除或无法读取/,
    );
  });
});

describe('deep YAML', () => {
  for (const [name, value, line] of [
    ['6,000 nested flow lists', `${'['.repeat(6000)}${']'.repeat(6000)}`, 2],
    ['a line of 100 nested sequences', `\n  ${'- '.repeat(100)}x`, 3],
    ['indentation of 400 columns', `\n${' '.repeat(400)}x`, 3],
  ] as const) {
    it(`${name} in front matter: one diagnostic at the line, no crash`, async () => {
      const content = await copyContent();
      await write(
        content,
        'entries/2024/深.md',
        `---\ntitle: ${value}\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\n---\n\n正文。\n`,
      );
      const result = await check(content);
      const deep = result.diagnostics.filter((d) => d.rule === 'yaml/too-deep');
      expect(deep).toHaveLength(1);
      expect(deep[0]).toMatchObject({ file: 'entries/2024/深.md', line });
      expect(result.stderr).toBe('');
    });
  }

  it('a deeply nested units.yaml is one diagnostic', async () => {
    const content = await copyContent();
    await writeFile(join(content, 'units.yaml'), `- id: x\n  name: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`);
    const result = await check(content);
    expect(result.diagnostics.filter((d) => d.rule === 'yaml/too-deep').map((d) => d.file)).toEqual(['units.yaml']);
  });
});
