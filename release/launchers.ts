/**
 * The launchers at the top of the offline bundle, and its 使用说明.txt.
 *
 * Windows: `编辑台.cmd` (the studio, in the browser) and `jianbao.cmd` (the
 * command line, usable from any folder: it finds node and jianbao through
 * its own location, %~dp0). The clerk's folder is arbitrary
 * (`C:\Users\张三\Desktop\简报 内容\`), so every path is quoted, `(…)`
 * blocks are avoided (a `)` in `C:\Program Files (x86)` would end them), the
 * files are ASCII (cmd reads a .cmd in the console's code page; Chinese in
 * paths arrives through %~dp0 and %* untouched) and end lines with CRLF
 * (cmd mis-reads labels in LF files).
 *
 * Linux: `编辑台.sh` and `jianbao`, POSIX shell, following symlinks to find
 * the folder, every expansion quoted.
 */

export type BundlePlatform = 'win32-x64' | 'linux-x64';

export interface LauncherFile {
  /** File name in the bundle folder. */
  name: string;
  text: string;
  /** Unix permission bits. */
  mode: number;
}

/** Paths inside the bundle folder, `/`-separated. */
export const LAYOUT = {
  node: { 'win32-x64': 'node/node.exe', 'linux-x64': 'node/node' },
  cli: 'app/bin/jianbao.js',
} as const;

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const lf = (lines: string[]) => `${lines.join('\n')}\n`;

/** `node/node.exe` → `%~dp0node\node.exe`: a path in the bundle as cmd sees it, relative to the script. */
function cmdPath(path: string): string {
  return `%~dp0${path.replace(/\//g, '\\')}`;
}

function windowsLaunchers(): LauncherFile[] {
  const node = `"${cmdPath(LAYOUT.node['win32-x64'])}"`;
  const cli = `"${cmdPath(LAYOUT.cli)}"`;
  return [
    {
      name: 'jianbao.cmd',
      mode: 0o755,
      text: crlf([
        '@echo off',
        'rem jianbao command line; works from any folder, e.g.',
        'rem   "D:\\jianbao\\jianbao.cmd" check --content "D:\\my content"',
        'setlocal',
        `${node} ${cli} %*`,
        'set "JIANBAO_EXIT=%ERRORLEVEL%"',
        'rem Started by a double click: keep the window open to read the help.',
        'if "%~1"=="" pause',
        'exit /b %JIANBAO_EXIT%',
      ]),
    },
    {
      name: '编辑台.cmd',
      mode: 0o755,
      text: crlf([
        '@echo off',
        'rem jianbao studio in the browser. Drop a content folder on this file to open it;',
        'rem without one, the last content folder is opened again.',
        'setlocal',
        'if "%~1"=="" goto last',
        `${node} ${cli} studio --open --content "%~1"`,
        'goto done',
        ':last',
        `${node} ${cli} studio --open`,
        ':done',
        'if errorlevel 1 pause',
      ]),
    },
  ];
}

function linuxLaunchers(): LauncherFile[] {
  const find = [
    '# The folder of this script, through symlinks; paths may hold spaces and Chinese.',
    'here=$(dirname -- "$(readlink -f -- "$0")") || exit 1',
  ];
  const node = `"$here/${LAYOUT.node['linux-x64']}"`;
  const cli = `"$here/${LAYOUT.cli}"`;
  return [
    {
      name: 'jianbao',
      mode: 0o755,
      text: lf([
        '#!/bin/sh',
        '# jianbao command line; works from any folder: /path/to/jianbao check --content "$HOME/简报 内容"',
        ...find,
        `exec ${node} ${cli} "$@"`,
      ]),
    },
    {
      name: '编辑台.sh',
      mode: 0o755,
      text: lf([
        '#!/bin/sh',
        '# jianbao studio in the browser: ./编辑台.sh [content folder]; without one, the last content folder.',
        ...find,
        `if [ "$#" -gt 0 ]; then exec ${node} ${cli} studio --open --content "$1"; fi`,
        `exec ${node} ${cli} studio --open`,
      ]),
    },
  ];
}

export function launchers(platform: BundlePlatform): LauncherFile[] {
  return platform === 'win32-x64' ? windowsLaunchers() : linuxLaunchers();
}

export interface ReadmeFacts {
  version: string;
  platform: BundlePlatform;
  nodeVersion: string;
  folderName: string;
}

/** 使用说明.txt: short, Chinese; on Windows CRLF with a BOM so every Notepad shows it right. */
export function readme(facts: ReadmeFacts): LauncherFile {
  const windows = facts.platform === 'win32-x64';
  const folder = windows ? `D:\\${facts.folderName}` : `$HOME/${facts.folderName}`;
  const cli = windows ? `"${folder}\\jianbao.cmd"` : `"${folder}/jianbao"`;
  const content = windows ? '"D:\\简报 内容"' : '"$HOME/简报 内容"';
  const studio = windows ? '编辑台.cmd' : '编辑台.sh';
  const lines = [
    `jianbao 简报 离线版 ${facts.version}（${windows ? 'Windows 64 位' : 'Linux 64 位'}，自带 Node.js ${facts.nodeVersion}）`,
    '',
    '不需要联网，不需要安装，不需要管理员权限。',
    '',
    '一、开始使用',
    `1. 把压缩包解压到一个可以写入的文件夹，例如${windows ? ' D:\\ 或桌面（不要放在 C:\\Program Files 中）' : '主目录'}。`,
    '2. 内容目录（jianbao.yaml、稿件 entries、期刊 issues 所在的文件夹）放在本文件夹以外，例如' +
      ` ${content.replace(/"/g, '')}，`,
    '   也可以放在共享盘上。想先试用，可以把“示例内容”文件夹复制出去。',
    `3. ${windows ? `把内容目录拖到“${studio}”上` : `运行 ./${studio} ${content}`}，浏览器打开编辑台。以后直接${windows ? '双击' : '运行'}“${studio}”，`,
    '   会打开上次用过的内容目录（记在本文件夹的 设置.json 中）；没有时打开示例内容。',
    '',
    '二、命令行（在任何文件夹都可以运行）',
    `   ${cli} check --content ${content}`,
    `   ${cli} build       生成站点（默认写到当前文件夹的 dist 中，可用 --out 指定，不能在内容目录中）`,
    `   ${cli} pdf         生成各期 PDF`,
    `   ${cli} --help      全部命令`,
    '   用过一次 --content 后，之后的命令不写 --content 也使用同一个内容目录。',
    '',
    '三、PDF',
    windows
      ? '   使用本机的 Microsoft Edge（Windows 10/11 自带）或 Chrome，自动查找；在别处时用 --browser "浏览器路径" 指定。'
      : '   使用本机的 Chromium、Chrome 或 Edge，自动查找；在别处时用 --browser 浏览器路径 指定。',
    '',
    '四、升级',
    '   把新版本解压到新的文件夹即可，内容目录不受影响；把旧文件夹中的 设置.json 复制过去可保留设置。',
    '',
    '五、写入哪些文件',
    `   只写本文件夹（缓存等在 app${windows ? '\\' : '/'}.jianbao 中）、内容目录和输出目录；运行中的临时文件在系统临时文件夹中，用完即删。`,
  ];
  return windows
    ? { name: '使用说明.txt', mode: 0o644, text: `\uFEFF${crlf(lines)}` }
    : { name: '使用说明.txt', mode: 0o644, text: lf(lines) };
}
