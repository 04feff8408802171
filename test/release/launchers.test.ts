/**
 * The bundle's launchers with the paths office PCs have: spaces, Chinese,
 * brackets and `&` in folder names, drive roots, shares. The .cmd files are
 * read as cmd would (expansion, operators outside quotes, the C runtime's
 * argv split); the shell launchers run for real from such folders.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchers, readme } from '../../release/launchers.ts';
import { resolveContentDir } from '../../src/core/paths.ts';
import { tempDir } from '../helpers/index.ts';
import { expandCmdLine, unquotedOperators, windowsArgv } from '../helpers/windows-paths.ts';

const FOLDERS = [
  'C:\\Users\\张三\\Desktop\\jianbao-0.1.0-win32-x64\\',
  'C:\\Users\\张三\\Desktop\\简报 内容\\离线版 (新)\\jianbao-0.1.0-win32-x64\\',
  'D:\\安委办 & 专班\\jianbao\\',
  `D:\\${'很长的文件夹名称'.repeat(12)}\\jianbao-0.1.0-win32-x64\\`,
];

function cmdFile(name: string) {
  const file = launchers('win32-x64').find((launcher) => launcher.name === name);
  if (!file) throw new Error(`no ${name}`);
  return file;
}

/** The argv node.exe gets from the lines of `text` that start node, for a script in `dir` called with `args`. */
function nodeRuns(text: string, dir: string, args: string[]): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line.includes('node.exe'))
    .map((line) => {
      const expanded = expandCmdLine(line, dir, args);
      expect(unquotedOperators(expanded)).toEqual([]);
      return windowsArgv(expanded);
    });
}

describe('Windows launchers', () => {
  for (const name of ['jianbao.cmd', '编辑台.cmd']) {
    it(`${name} is ASCII with CRLF lines and no ( ) blocks`, () => {
      const { text } = cmdFile(name);
      expect(text).toMatch(/^[\x20-\x7e\r\n]+$/);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(line.replace(/"[^"]*"/g, '')).not.toMatch(/[()]/);
    });
  }

  it('jianbao.cmd passes node the bundle paths and the arguments as typed, from any folder', () => {
    const { text } = cmdFile('jianbao.cmd');
    for (const dir of FOLDERS) {
      const runs = nodeRuns(text, dir, [
        'check',
        '--content',
        '"C:\\Users\\张三\\Desktop\\简报 内容"',
        '--format',
        'json',
      ]);
      expect(runs).toEqual([
        [
          `${dir}node\\node.exe`,
          `${dir}app\\bin\\jianbao.js`,
          'check',
          '--content',
          'C:\\Users\\张三\\Desktop\\简报 内容',
          '--format',
          'json',
        ],
      ]);
    }
  });

  it('编辑台.cmd opens the folder dropped on it, or the last one', () => {
    const { text } = cmdFile('编辑台.cmd');
    const [dropped, last] = [
      text.split('\r\n').findIndex((line) => line.includes('--content')),
      text.split('\r\n').findIndex((line) => line.startsWith(':last')),
    ];
    expect(dropped).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(dropped);
    for (const dir of FOLDERS) {
      // Explorer passes a dropped folder quoted when it has spaces.
      const runs = nodeRuns(text, dir, ['"C:\\Users\\张三\\Desktop\\简报 内容"']);
      expect(runs[0]).toEqual([
        `${dir}node\\node.exe`,
        `${dir}app\\bin\\jianbao.js`,
        'studio',
        '--open',
        '--content',
        'C:\\Users\\张三\\Desktop\\简报 内容',
      ]);
      expect(nodeRuns(text, dir, [])[1]).toEqual([
        `${dir}node\\node.exe`,
        `${dir}app\\bin\\jianbao.js`,
        'studio',
        '--open',
      ]);
    }
  });

  it('a dropped drive root or a folder typed with a trailing backslash still names the folder', () => {
    const { text } = cmdFile('编辑台.cmd');
    const dir = FOLDERS[1]!;
    for (const [dropped, expected] of [
      ['D:\\', 'D:\\'],
      ['"D:\\简报 内容\\"', 'D:\\简报 内容'],
      ['\\\\server\\共享\\简报', '\\\\server\\共享\\简报'],
    ] as const) {
      const argv = nodeRuns(text, dir, [dropped])[0]!;
      const flag = argv[argv.indexOf('--content') + 1];
      // `"D:\"` reaches node as `D:"`; the content folder is resolved with Windows' rules.
      expect(resolveContentDir(flag, {}, 'C:\\Users\\张三\\Desktop', path.win32)).toBe(expected);
    }
  });

  it('使用说明.txt is Chinese, CRLF, with a BOM for Notepad, and names the launchers', () => {
    const { text } = readme({
      version: '0.1.0',
      platform: 'win32-x64',
      nodeVersion: '22.23.3',
      folderName: 'jianbao-0.1.0-win32-x64',
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('编辑台.cmd');
    expect(text).toContain('jianbao.cmd" check --content "D:\\简报 内容"');
    expect(text).toContain('Edge');
  });
});

describe('Linux 使用说明.txt', () => {
  it('writes commands a shell runs as shown: $HOME, not a quoted ~', () => {
    const { text } = readme({
      version: '0.1.0',
      platform: 'linux-x64',
      nodeVersion: '22.23.3',
      folderName: 'jianbao-0.1.0-linux-x64',
    });
    expect(text).toContain('"$HOME/jianbao-0.1.0-linux-x64/jianbao" check --content "$HOME/简报 内容"');
    expect(text).not.toContain('"~');
    expect(text).not.toContain('\r');
  });
});

describe('Linux launchers', () => {
  it('run node with the bundle paths and the arguments, from a folder with spaces and Chinese, through a symlink', async () => {
    const bundle = join(await tempDir('jianbao-launchers-'), '简报 离线版 (新)');
    await mkdir(join(bundle, 'node'), { recursive: true });
    // A stand-in node that prints what it was given, one argument a line.
    await writeFile(join(bundle, 'node/node'), '#!/bin/sh\nfor a in "$0" "$@"; do printf "%s\\n" "$a"; done\n');
    await chmod(join(bundle, 'node/node'), 0o755);
    for (const file of launchers('linux-x64')) await writeFile(join(bundle, file.name), file.text, { mode: file.mode });
    const elsewhere = await tempDir('jianbao-launchers-cwd-');
    await symlink(join(bundle, 'jianbao'), join(elsewhere, 'jianbao'));

    const cli = spawnSync(join(elsewhere, 'jianbao'), ['check', '--content', '/home/张三/简报 内容'], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout.split('\n').slice(0, -1)).toEqual([
      join(bundle, 'node/node'),
      join(bundle, 'app/bin/jianbao.js'),
      'check',
      '--content',
      '/home/张三/简报 内容',
    ]);

    const studio = spawnSync(join(bundle, '编辑台.sh'), ['/home/张三/简报 内容'], { cwd: elsewhere, encoding: 'utf8' });
    expect(studio.stdout.split('\n').slice(0, -1)).toEqual([
      join(bundle, 'node/node'),
      join(bundle, 'app/bin/jianbao.js'),
      'studio',
      '--open',
      '--content',
      '/home/张三/简报 内容',
    ]);
    const last = spawnSync(join(bundle, '编辑台.sh'), [], { cwd: elsewhere, encoding: 'utf8' });
    expect(last.stdout.split('\n').slice(2, -1)).toEqual(['studio', '--open']);
  });
});
