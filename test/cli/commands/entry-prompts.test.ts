/**
 * The interactive flow of `new entry`, driven through real streams: a fake
 * terminal on stdin (isTTY) and a captured prompt output, keys typed only
 * once the question they answer is on screen.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { FIXTURES } from '../../helpers/index.ts';
import { checkJson, copyContent, plain, sampleCopy } from '../../helpers/workflow.ts';

const ORDER = join(FIXTURES, 'order/content');
const KEY = { enter: '\r', down: '\u001b[B', space: ' ', ctrlC: '\u0003' };

/** A terminal session: run `jianbao argv`, answer prompts with `answer(question, keys)`. */
function session(argv: string[]) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  let stdout = '';
  let stderr = '';
  const done = main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    cwd: process.cwd(),
    isTTY: true,
    stdin: input,
    stdoutStream: output,
  });
  let seen = 0;
  return {
    /** Wait until `question` appears (after what was already answered), then type `keys`. */
    async answer(question: string, ...keys: string[]) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const at = plain(screen).indexOf(question, seen);
        if (at >= 0) {
          seen = at + question.length;
          break;
        }
        if (Date.now() > deadline) throw new Error(`no prompt 「${question}」 in:\n${plain(screen)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const key of keys) {
        input.write(key);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    },
    async result() {
      const code = await done;
      return { code, stdout, stderr, screen: plain(screen) };
    },
  };
}

describe('jianbao new entry (prompts in a terminal)', () => {
  it('asks for series, section, unit, date and title with Chinese choices, then writes the entry (sample content)', async () => {
    const dir = await sampleCopy();
    const run = session(['new', 'entry', '--content', dir]);
    await run.answer('刊物', KEY.enter); // the first series, as listed in jianbao.yaml
    await run.answer('栏目');
    await run.answer('工作动态', KEY.down, KEY.down, KEY.enter); // 上级会议精神 → 调研指导 → 工作动态
    await run.answer('报送单位');
    await run.answer('区应急管理局', '应急局');
    await run.answer('应急局', KEY.enter);
    await run.answer('日期', '2025-12-09', KEY.enter);
    await run.answer('标题（可不填，直接回车）', '冬季消防检查', KEY.enter);
    const { code, stdout, screen } = await run.result();
    expect(code).toBe(0);
    // The choices were shown in Chinese.
    expect(screen).toContain('示例区安全生产工作专报（zhuanbao）');
    expect(screen).toContain('上级会议精神');
    expect(screen).toContain('↑↓ 移动，回车选定');
    const file = stdout.trim().replace(/^.*?(entries\/)/, '$1');
    expect(file).toBe('entries/2025/12/2025-12-09-冬季消防检查.md');
    expect(await readFile(join(dir, file), 'utf8')).toBe(`---
栏目: 工作动态
标题: 冬季消防检查
日期: 2025-12-09
单位: 区应急管理局
刊物: zhuanbao
---

12月9日，区应急管理局
`);
    const check = await checkJson(dir);
    expect(check.errors).toBe(0);
  });

  it('asks only for what the flags left out, insists on a title and at least one leader', async () => {
    const dir = await copyContent(ORDER);
    const run = session([
      'new',
      'entry',
      '--content',
      dir,
      '--series',
      'zhuanbao',
      '--unit',
      '青石镇',
      '--date',
      '2024-07-12',
    ]);
    await run.answer('栏目', KEY.down, KEY.enter); // 调研指导
    await run.answer('标题（可不填，直接回车）', KEY.enter);
    await run.answer('领导（可多选）');
    await run.answer('区长李健', KEY.enter); // nothing chosen yet
    await run.answer('至少选一位领导', KEY.down, KEY.space, KEY.enter); // 副区长王芳芳
    const { code, stdout, screen } = await run.result();
    expect(code).toBe(0);
    expect(screen).not.toContain('报送单位');
    expect(screen).not.toContain('日期');
    const file = stdout.trim().replace(/^.*?(entries\/)/, '$1');
    expect(await readFile(join(dir, file), 'utf8')).toContain('领导: [王芳芳]');
    expect((await checkJson(dir)).errors).toBe(0);
  });

  it('requires a title where the section needs one, and checks the date', async () => {
    const dir = await copyContent(ORDER);
    const run = session([
      'new',
      'entry',
      '--content',
      dir,
      '--series',
      'zhuanbao',
      '--section',
      '上级会议精神',
      '--unit',
      '安委办',
    ]);
    await run.answer('日期', '2024-02-30', KEY.enter);
    await run.answer('2024年2月没有30日', '\u007f'.repeat(10), '2024-07-15', KEY.enter);
    await run.answer('标题', KEY.enter);
    await run.answer('「上级会议精神」稿件需要标题', '市安委会全体会议精神', KEY.enter);
    const { code, stdout } = await run.result();
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/entries\/2024\/07\/2024-07-15-市安委会全体会议精神\.md$/);
  });

  it('filters units as the clerk types, in Chinese even when nothing matches', async () => {
    const dir = await copyContent(ORDER);
    const run = session([
      'new',
      'entry',
      '--content',
      dir,
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--date',
      '2024-07-12',
    ]);
    await run.answer('报送单位', '公安');
    await run.answer('没有这个单位：换个字试试', '\u007f\u007f', '消防');
    await run.answer('区消防救援大队（消防大队）', KEY.enter);
    await run.answer('标题（可不填，直接回车）', KEY.enter);
    const { code, stdout, screen } = await run.result();
    expect(code).toBe(0);
    expect(screen).not.toContain('No results');
    expect(stdout.trim()).toMatch(/entries\/2024\/07\/2024-07-12-消防大队工作动态\.md$/);
  });

  it('writes nothing when the clerk presses Ctrl+C', async () => {
    const dir = await copyContent(ORDER);
    const run = session(['new', 'entry', '--content', dir, '--series', 'zhuanbao']);
    await run.answer('栏目', KEY.ctrlC);
    const { code, stderr } = await run.result();
    expect(code).toBe(130);
    expect(stderr).toContain('已取消，什么也没有写入。');
  });
});
