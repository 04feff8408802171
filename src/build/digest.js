// @ts-check
/**
 * The one digest helper: sha256 over parts whose boundaries count, and over
 * the files of a tree. Plain JavaScript on purpose: bin/launch.js digests
 * src/ with it before any bundle exists (Node cannot run TypeScript), and
 * the build keys its caches with it (page-keys.ts, search-index.ts,
 * markdown-cache.ts, render-cache.ts, pdf-key.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * sha256 (hex) of the parts, each prefixed with its length, so that
 * `['ab', 'c']` and `['a', 'bc']` differ.
 * @param {readonly (string | Uint8Array)[]} parts
 * @returns {string}
 */
export function digestParts(parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

/**
 * The files under `root/path` (a folder, or a single file), relative to
 * `root` with `/` separators, sorted; none when it does not exist.
 * @param {string} root
 * @param {string} path
 * @returns {string[]}
 */
export function filesUnder(root, path) {
  // stat first rather than reading a file as a folder: the error that gives differs between systems.
  const stats = statSync(join(root, path), { throwIfNoEntry: false });
  if (!stats) return [];
  if (!stats.isDirectory()) return [path];
  return readdirSync(join(root, path), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replace(/\\/g, '/'))
    .sort();
}

/**
 * Digest of every file (name and bytes) under the given paths of `root`,
 * then the extra parts.
 * @param {string} root
 * @param {readonly string[]} paths
 * @param {readonly (string | Uint8Array)[]} [extra]
 * @returns {string}
 */
export function treeDigest(root, paths, extra = []) {
  /** @type {(string | Uint8Array)[]} */
  const parts = [];
  for (const path of paths) for (const file of filesUnder(root, path)) parts.push(file, readFileSync(join(root, file)));
  return digestParts([...parts, ...extra]);
}
