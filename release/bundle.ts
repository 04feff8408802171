/**
 * `npm run bundle -- --platform win32-x64|linux-x64 [--out DIR]`: the offline
 * bundle for office PCs without internet, `jianbao-<version>-<platform>.zip`:
 *
 *   jianbao-<version>-<platform>/
 *     编辑台.cmd  jianbao.cmd  (Linux: 编辑台.sh  jianbao)  使用说明.txt
 *     示例内容/                the sample content
 *     node/                   Node.js from the registry's platform package
 *     app/                    jianbao: sources Astro renders, templates, the CLI
 *                             prebuilt in .jianbao/cli/, node_modules installed for
 *                             the platform (npm --os/--cpu: Windows binaries of
 *                             esbuild, Pagefind, sharp, Rollup), bundle.json
 *
 * Everything comes through npm from the registry and is kept in
 * `.jianbao/bundle/`: the installed tree is reused while package.json and the
 * lock file are unchanged, the zip while nothing in the bundle changed.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleCli, bundlesDir, sourcesDigest } from '../bin/launch.js';
import { digestParts, treeDigest } from '../src/build/digest.js';
import { BUNDLE_MARKER, BUNDLE_SAMPLE_CONTENT } from '../src/cli/bundle-home.ts';
import { parseArgsMessage } from '../src/cli/command.ts';
import { isSystemError, systemErrorMessage } from '../src/core/errno.ts';
import { checkTree, type Target } from './dependency-check.ts';
import { type BundlePlatform, launchers, readme } from './launchers.ts';
import { installNodeRuntime, NODE_VERSION } from './node-runtime.ts';
import { npm } from './npm.ts';
import { prune } from './prune.ts';
import { listFiles, zipFolder } from './zip.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What of the package the bundle ships (besides node_modules); tests stay behind. */
const APP_FILES = [
  'bin',
  'src',
  'templates',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
/** Changes when the way the tree is installed or pruned changes, so cached trees are redone. */
const INSTALL_RECIPE = '3';

export const TARGETS: Record<BundlePlatform, Target> = {
  'win32-x64': { os: 'win32', cpu: 'x64' },
  'linux-x64': { os: 'linux', cpu: 'x64', libc: 'glibc' },
};

/**
 * The longest path inside the bundle folder a Windows bundle may have: Explorer
 * unzips only paths under 260 characters, and the folder it is unzipped into
 * (`C:\Users\张三\Desktop\jianbao-0.1.0-win32-x64\`) takes its share.
 */
export const WINDOWS_PATH_BUDGET = 180;

export interface BundleOptions {
  platform: BundlePlatform;
  outDir: string;
  log: (line: string) => void;
  /** Where downloads and staged trees are kept. */
  cacheDir?: string;
}

export interface BundleResult {
  zipFile: string;
  folderName: string;
  /** The staged bundle folder (what the zip holds). */
  stagedDir: string;
  zipBytes: number;
  unpackedBytes: number;
  files: number;
  /** The longest path inside the bundle folder. */
  longestPath: string;
  reused: { tree: boolean; zip: boolean };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function buildBundle(options: BundleOptions): Promise<BundleResult> {
  const { platform, log } = options;
  const target = TARGETS[platform];
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const folderName = `jianbao-${manifest.version}-${platform}`;
  const cacheDir = options.cacheDir ?? join(ROOT, '.jianbao', 'bundle');
  const work = join(cacheDir, platform);
  const stagedDir = join(work, folderName);
  const appDir = join(stagedDir, 'app');
  await mkdir(work, { recursive: true });

  // 1. Production dependencies for the platform, reused while the manifest and lock file are the same.
  const treeKey = digestParts([
    INSTALL_RECIPE,
    JSON.stringify(target),
    await readFile(join(ROOT, 'package.json')),
    await readFile(join(ROOT, 'package-lock.json')),
  ]);
  const treeKeyFile = join(work, 'tree.key');
  const treeReused =
    existsSync(join(appDir, 'node_modules')) && (await readFile(treeKeyFile, 'utf8').catch(() => '')) === treeKey;
  if (treeReused) {
    log(`依赖（${platform}）未变，沿用已安装的 node_modules`);
    for (const name of await readdir(stagedDir))
      if (name !== 'app') await rm(join(stagedDir, name), { recursive: true, force: true });
    for (const name of await readdir(appDir))
      if (name !== 'node_modules') await rm(join(appDir, name), { recursive: true, force: true });
  } else {
    await rm(treeKeyFile, { force: true });
    await rm(stagedDir, { recursive: true, force: true });
    await mkdir(appDir, { recursive: true });
    for (const name of ['package.json', 'package-lock.json']) await cp(join(ROOT, name), join(appDir, name));
    log(
      `安装 ${platform} 的生产依赖（npm ci --omit=dev --os=${target.os} --cpu=${target.cpu}${target.libc ? ` --libc=${target.libc}` : ''}）……`,
    );
    // No install scripts: they would run the other platform's binaries here; the packages find them at run time.
    await npm(
      [
        'ci',
        '--omit=dev',
        `--os=${target.os}`,
        `--cpu=${target.cpu}`,
        ...(target.libc ? [`--libc=${target.libc}`] : []),
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      appDir,
    );
    const pruned = await prune(appDir, join(ROOT, 'src'));
    log(`已删去用不到的文件 ${mb(pruned.removedBytes)}（保留 ${pruned.keptFonts} 个字体文件）`);
    await writeFile(treeKeyFile, treeKey);
  }

  // 2. jianbao itself, the CLI prebuilt (no bundling at first start), the marker.
  for (const name of APP_FILES) {
    await cp(join(ROOT, name), join(appDir, name), {
      recursive: true,
      filter: (source) => !/\.test\.ts$/.test(source),
    });
  }
  await writeFile(
    join(appDir, BUNDLE_MARKER),
    `${JSON.stringify({ name: 'jianbao', version: manifest.version, platform, node: NODE_VERSION }, null, 2)}\n`,
  );
  await rm(join(appDir, '.jianbao'), { recursive: true, force: true });
  await bundleCli(appDir, join(bundlesDir(appDir), sourcesDigest(appDir)));
  log('已预先打包命令行程序（app/.jianbao/cli/）');

  // 3. Node.js, the sample content, the launchers and 使用说明.txt.
  await installNodeRuntime(platform, join(stagedDir, 'node'), join(cacheDir, 'downloads'));
  log(`Node.js ${NODE_VERSION}（${platform}）已放入 node/`);
  await cp(join(ROOT, 'content'), join(stagedDir, BUNDLE_SAMPLE_CONTENT), { recursive: true });
  for (const file of [
    ...launchers(platform),
    readme({ version: manifest.version, platform, nodeVersion: NODE_VERSION, folderName }),
  ]) {
    await writeFile(join(stagedDir, file.name), file.text, { mode: file.mode });
  }

  // 4. Complete for the platform? Nothing Node would fail to find, a binary package for every native dependency.
  const tree = checkTree(appDir, target);
  if (tree.missing.length > 0) throw new Error(`${platform} 的依赖不完整，缺少：\n  ${tree.missing.join('\n  ')}`);
  if (tree.foreign.length > 0) throw new Error(`${platform} 的依赖中有其他平台的程序包：${tree.foreign.join('、')}`);
  log(
    `依赖完整：${tree.packages} 个程序包，其中平台程序包 ${[...new Set(tree.platformPackages.map((entry) => entry.name))].join('、')}`,
  );

  const files = await listFiles(stagedDir);
  await refuseLinks(stagedDir);
  const longestPath = files.reduce((longest, file) => (file.length > longest.length ? file : longest), '');
  if (platform === 'win32-x64' && longestPath.length > WINDOWS_PATH_BUDGET) {
    throw new Error(`路径过长（${longestPath.length} 个字符，Windows 资源管理器可能无法解压）：${longestPath}`);
  }
  let unpackedBytes = 0;
  for (const file of files) unpackedBytes += (await stat(join(stagedDir, file))).size;

  // 5. The zip, unless the same one is there already.
  await mkdir(options.outDir, { recursive: true });
  const zipFile = join(resolve(options.outDir), `${folderName}.zip`);
  const zipKey = digestParts([
    treeKey,
    zipFile,
    treeDigest(
      stagedDir,
      files.filter((file) => !file.startsWith('app/node_modules/')),
    ),
  ]);
  const zipKeyFile = join(work, 'zip.key');
  const [savedKey, savedSize] = (await readFile(zipKeyFile, 'utf8').catch(() => '')).split(' ');
  const existing = await stat(zipFile).catch(() => undefined);
  let zipBytes: number;
  let zipReused = false;
  if (savedKey === zipKey && existing && String(existing.size) === savedSize) {
    zipBytes = existing.size;
    zipReused = true;
    log('内容未变，沿用已生成的压缩包');
  } else {
    log(`压缩 ${files.length} 个文件（${mb(unpackedBytes)}）……`);
    zipBytes = (await zipFolder(stagedDir, folderName, zipFile)).bytes;
    await writeFile(zipKeyFile, `${zipKey} ${zipBytes}`);
  }
  return {
    zipFile,
    folderName,
    stagedDir,
    zipBytes,
    unpackedBytes,
    files: files.length,
    longestPath,
    reused: { tree: treeReused, zip: zipReused },
  };
}

/** A symlink would not survive a zip for Windows: refuse rather than ship a bundle missing files. */
async function refuseLinks(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const links = entries
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
  if (links.length > 0) throw new Error(`压缩包不能包含符号链接：${links.slice(0, 5).join('、')}`);
}

async function cli(): Promise<number> {
  let values: { platform?: string; out?: string };
  try {
    ({ values } = parseArgs({ options: { platform: { type: 'string' }, out: { type: 'string' } }, strict: true }));
  } catch (error) {
    process.stderr.write(
      `${parseArgsMessage(error)}\n用法：npm run bundle -- --platform win32-x64|linux-x64 [--out 目录]\n`,
    );
    return 2;
  }
  const platform = values.platform as BundlePlatform | undefined;
  if (!platform || !(platform in TARGETS)) {
    process.stderr.write(
      `请用 --platform 指定平台：${Object.keys(TARGETS).join(' 或 ')}\n用法：npm run bundle -- --platform win32-x64|linux-x64 [--out 目录]\n`,
    );
    return 2;
  }
  const outDir = resolve(values.out ?? process.cwd());
  // Before minutes of downloading and installing: the zip must have a folder to go to.
  if ((await stat(outDir).catch(() => undefined))?.isFile()) {
    process.stderr.write(`--out ${outDir} 是一个文件，不是文件夹：写压缩包要放进的文件夹（没有时会新建）\n`);
    return 2;
  }
  const started = performance.now();
  const result = await buildBundle({
    platform,
    outDir,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `✓ ${result.zipFile}\n  压缩包 ${mb(result.zipBytes)}，解压后 ${mb(result.unpackedBytes)}，${result.files} 个文件；最长路径 ${result.longestPath.length} 个字符（用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒）\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `生成离线包失败：${isSystemError(error) ? systemErrorMessage(error) : (error as Error).message}\n`,
      );
      process.exitCode = 1;
    },
  );
}
