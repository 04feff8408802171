/**
 * The command line and the content as a clerk gets them wrong: a flag
 * without its value, a file where the content folder should be, a folder
 * that is no content directory, units merged into each other, an empty
 * front matter. Each is a real `node bin/jianbao.js` process on real files;
 * the answer must be Chinese, say where and how to fix, and exit non-zero.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_CONTENT, listFiles, spawnCli, tempDir } from '../helpers/index.ts';

const jianbao = (args: string[], cwd?: string) => spawnCli(args, cwd);

/** Nothing a clerk should ever see. */
function expectNoProgramText(text: string) {
  expect(text).not.toMatch(/undefined|NaN|\[object Object\]|<value>|\n\s+at .+:\d+:\d+|Error:/);
}

let sample: string;
beforeAll(async () => {
  sample = join(await tempDir('jianbao-odd-'), '简报 内容');
  await cp(SAMPLE_CONTENT, sample, { recursive: true });
});

describe('options written wrong', () => {
  it('a value left out names the option, without Node’s English placeholder', () => {
    const run = jianbao(['check', '--content']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('选项 --content 缺少值');
    expectNoProgramText(run.all);
  });

  it('a value that starts with a dash is told apart from a missing one', () => {
    const run = jianbao(['new', 'issue', '--series', 'zhuanbao', '--total', '-5', '--content', sample]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('选项 --total 缺少值');
    expect(run.stderr).toContain('--total=-…');
    expectNoProgramText(run.all);
  });

  it('a value given to a switch says the switch takes none', () => {
    const run = jianbao(['check', '--fix=yes', '--content', sample]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('选项 --fix 不带值');
    expectNoProgramText(run.all);
  });
});

describe('values that are wrong in themselves', () => {
  it('a control character in --title is the option’s fault, not the template’s; nothing written', async () => {
    const before = await listFiles(sample);
    const run = jianbao([
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      '2025-12-01',
      '--title',
      'a\x1b[31m红字',
      '--content',
      sample,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--title 含有不可见的控制字符 U+001B（第 2 个字符），请删除');
    expect(run.all).not.toMatch(/template\/invalid|模板 .* 有问题|请改模板/);
    expect(run.all).not.toContain('\x1b[31m');
    expect(await listFiles(sample)).toEqual(before);
  });

  it('an issue number of twenty digits is no issue, not “第100000000000000000000期”', () => {
    const run = jianbao(['publish', '2025-99999999999999999999', '--content', sample]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('「2025-99999999999999999999」不是期刊的写法');
    expect(run.all).not.toContain('100000000000000000000');
  });
});

describe('--content that is no content folder', () => {
  it.each([['check'], ['lint'], ['new', 'issue', '--series', 'zhuanbao'], ['stats'], ['publish', '2025-1']])(
    '%s: a file instead of the folder is a usage error, nothing read',
    async (...command) => {
      const file = join(await tempDir('jianbao-odd-file-'), '内容.txt');
      await writeFile(file, '不是文件夹\n');
      const run = jianbao([...command, '--content', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('是一个文件，不是文件夹');
      expect(run.all).not.toContain('ENOTDIR');
      expectNoProgramText(run.all);
    },
  );

  it('an empty JIANBAO_CONTENT is unset: the content is found upwards from the working folder', () => {
    const run = jianbao(['check'], join(sample, 'entries/2025'));
    expect(run.stdout).not.toContain('没有 jianbao.yaml');
    expect(run.stdout).toMatch(/共 0 个错误，\d+ 个警告（\d+ 个文件，\d+ 篇稿件，10 期/);
  });

  it('lint of a folder without jianbao.yaml does not report “no problems”', async () => {
    const empty = await tempDir('jianbao-odd-empty-');
    const run = jianbao(['lint', '--content', empty]);
    expect(run.code).toBe(1);
    expect(run.all).toContain('不是内容目录');
    expect(run.all).toContain('jianbao.yaml:1:1');
    expect(run.all).not.toContain('没有发现问题');
    expect(await listFiles(empty)).toEqual([]);
    expectNoProgramText(run.all);
  });
});

describe('units.yaml', () => {
  async function withUnits(extra: string) {
    const dir = join(await tempDir('jianbao-odd-units-'), 'content');
    await cp(SAMPLE_CONTENT, dir, { recursive: true });
    const units = await readFile(join(dir, 'units.yaml'), 'utf8');
    await writeFile(join(dir, 'units.yaml'), `${units.trimEnd()}\n${extra}`);
    return { dir, line: units.trimEnd().split('\n').length + 1 };
  }

  it('two units merged into each other are an error at each 并入', async () => {
    const { dir, line } = await withUnits(
      [
        '- id: qa1',
        '  名称: 测试甲局',
        '  撤销: 2020-01-01',
        '  并入: qa2',
        '- id: qa2',
        '  名称: 测试乙局',
        '  撤销: 2020-01-01',
        '  并入: 测试甲局',
        '',
      ].join('\n'),
    );
    const run = jianbao(['check', '--content', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `units.yaml:${line + 3}:7 错误 单位「测试甲局」于2020年1月1日撤销时并入「测试乙局」，但「测试乙局」已于2020年1月1日撤销 [settings/unknown-unit]`,
    );
    expect(run.stdout).toContain(`units.yaml:${line + 7}:7 错误 单位「测试乙局」于2020年1月1日撤销时并入「测试甲局」`);
    expect(run.stdout).toContain('→ 并入 写2020年1月1日那天还在的单位');
    expectNoProgramText(run.all);
  });

  it('a unit merged into one founded later is an error', async () => {
    const { dir, line } = await withUnits(
      [
        '- id: qa1',
        '  名称: 测试甲局',
        '  撤销: 2020-01-01',
        '  并入: qa2',
        '- id: qa2',
        '  名称: 测试乙局',
        '  成立: 2021-06-01',
        '',
      ].join('\n'),
    );
    const run = jianbao(['check', '--content', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `units.yaml:${line + 3}:7 错误 单位「测试甲局」于2020年1月1日撤销时并入「测试乙局」，但「测试乙局」2021年6月1日才成立`,
    );
  });

  it('a merge into a unit that still exists is fine', async () => {
    const { dir } = await withUnits(
      ['- id: qa1', '  名称: 测试甲局', '  撤销: 2020-01-01', '  并入: yjj', ''].join('\n'),
    );
    const run = jianbao(['check', '--format', 'json', '--content', dir]);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string }[] };
    expect(report.diagnostics.filter((d) => d.file === 'units.yaml')).toEqual([]);
  });
});

describe('entries', () => {
  it('an empty front matter names the keys to write', async () => {
    const dir = join(await tempDir('jianbao-odd-fm-'), 'content');
    await cp(SAMPLE_CONTENT, dir, { recursive: true });
    await mkdir(join(dir, 'entries/2025/12'), { recursive: true });
    await writeFile(join(dir, 'entries/2025/12/空前置信息.md'), '---\n---\n12月1日，正文。\n');
    const run = jianbao(['check', '--content', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'entries/2025/12/空前置信息.md:2:1 错误 内容是空的，缺少必填项：栏目（section）、日期（date）、单位（unit） [schema/required]',
    );
    expect(run.stdout).toContain('→ 写上 栏目: …、日期: …、单位: …');
    expectNoProgramText(run.all);
  });
});

describe('npm run bundle', () => {
  function bundle(args: string[]) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'release/bundle.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, all: result.stdout + result.stderr };
  }

  it('says in Chinese what is wrong with its options', () => {
    const unknown = bundle(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的选项 --bogus');
    expect(unknown.stderr).not.toMatch(/Unknown option/);
    const missing = bundle(['--platform', 'linux-x64', '--out']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('选项 --out 缺少值');
    expectNoProgramText(missing.all);
  });

  it('refuses a file as --out before downloading or installing anything', async () => {
    const file = join(await tempDir('jianbao-odd-bundle-'), '发布.zip');
    await writeFile(file, '用户的文件\n');
    const run = bundle(['--platform', 'linux-x64', '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('是一个文件，不是文件夹');
    expect(run.stdout).toBe('');
    expect(await readFile(file, 'utf8')).toBe('用户的文件\n');
  });
});

describe('a broken units.yaml or people.yaml', () => {
  it('one bad unit in units.yaml is one error, not an unknown-unit error for every entry', async () => {
    const dir = join(await tempDir('jianbao-odd-cascade-'), 'content');
    await cp(SAMPLE_CONTENT, dir, { recursive: true });
    const units = await readFile(join(dir, 'units.yaml'), 'utf8');
    await writeFile(
      join(dir, 'units.yaml'),
      `${units.trimEnd()}\n- id: qa1\n  名称: 测试甲局\n  成立: 2020-01-01\n  曾用名:\n    - { 名称: 测试旧局, 止: 2019-01-01 }\n`,
    );
    const run = jianbao(['check', '--format', 'json', '--content', dir]);
    const report = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string }[] };
    expect(report.diagnostics.filter((d) => d.file === 'units.yaml').map((d) => d.rule)).toEqual(['schema/invalid']);
    // Once: every entry's unit was "not in units.yaml" too (the whole file is dropped), listed before the real error.
    expect(report.diagnostics.filter((d) => d.rule === 'entry/unknown-unit')).toEqual([]);
  });

  it('a broken people.yaml is its own error, not an unknown-leader error for every entry that names one', async () => {
    const dir = join(await tempDir('jianbao-odd-cascade-'), 'content');
    await cp(SAMPLE_CONTENT, dir, { recursive: true });
    await writeFile(join(dir, 'people.yaml'), '姓名: 不是列表\n');
    const run = jianbao(['check', '--format', 'json', '--content', dir]);
    const report = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string }[] };
    expect(report.diagnostics.filter((d) => d.file === 'people.yaml').length).toBeGreaterThan(0);
    expect(report.diagnostics.filter((d) => d.rule === 'entry/unknown-person')).toEqual([]);
    expect(run.code).not.toBe(0);
  });
});

/** A published issue's 期号 changed in its file: the file is there, and the message says what to put back. */
describe('a published issue renumbered in its file', () => {
  /** check on a copy of the sample whose published 2025年第2期 says `number: N` now. */
  async function checkRenumbered(number: number) {
    const dir = join(await tempDir('jianbao-odd-renumbered-'), 'content');
    await cp(SAMPLE_CONTENT, dir, { recursive: true });
    const file = join(dir, 'issues/zhuanbao/2025-02.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^number: 2$/m, `number: ${number}`));
    return jianbao(['check', '--content', dir]);
  }

  it('a published issue whose 期号 is made invalid is not reported as a deleted file', async () => {
    const run = await checkRenumbered(0);
    expect(run.stdout).toContain('issues/zhuanbao/2025-02.md:4:9 错误 「number」期号应从 1 开始');
    // Not also “2025年第2期已发布，但它的期刊文件不见了 [archive/issue-missing] → 从版本库恢复期刊文件”.
    expect(run.stdout).not.toContain('archive/');
    expect(run.code).not.toBe(0);
  });

  it('a published issue given another valid 期号 is told to put the old one back, not to publish it again', async () => {
    const run = await checkRenumbered(7);
    expect(run.stdout).toContain(
      'issues/zhuanbao/2025-02.md:4:9 错误 示例区安全生产工作专报 2025年第2期已发布，发布后期刊文件中的刊物、年份或期号被改动（现在是2025年第7期） [archive/key-changed]',
    );
    expect(run.stdout).toContain('→ 已发布期刊的刊物、年份和期号不能改：改回 number: 2');
    expect(run.stdout).not.toContain('archive/issue-missing');
    // “标为已发布，但没有摘要 → 用 jianbao publish zhuanbao/2025-7 发布” would freeze it under the wrong number.
    expect(run.stdout).not.toContain('issue/digest-missing');
    expect(run.code).not.toBe(0);
  });
});

const asNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

describe.skipIf(!asNobody)('a read-only content folder (as an unprivileged user)', () => {
  it('new issue names the issue file it could not write, not a hidden temporary file; nothing is left', async () => {
    const top = await tempDir('jianbao-odd-ro-');
    const dir = join(top, 'content');
    await cp(SAMPLE_CONTENT, dir, { recursive: true });
    // The CLI bundle must exist before an unprivileged user runs it (it cannot write the package folder).
    expect(jianbao(['--version']).code).toBe(0);
    spawnSync('chmod', ['-R', 'a+rX,a-w', dir]);
    // The run's temporary root (test/helpers/temp-root.ts) is private: let the unprivileged user through it.
    for (const folder of [top, dirname(top)]) spawnSync('chmod', ['755', folder]);
    const before = await listFiles(dir);
    const result = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        join(ROOT, 'bin/jianbao.js'),
        'new',
        'issue',
        '--series',
        'zhuanbao',
        '--date',
        '2025-12-05',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', HOME: top, JIANBAO_CONTENT: dir },
      },
    );
    spawnSync('chmod', ['-R', 'u+w', dir]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/错误 无法写入 \S+\/issues\/(zhuanbao|jianbao)\/2025-0\d\.md：没有权限/);
    expect(result.stderr).not.toMatch(/\.jianbao-\d+-/);
    expectNoProgramText(result.stdout + result.stderr);
    expect(await listFiles(dir)).toEqual(before);
  });
});
