/**
 * Is an installed node_modules tree complete for a platform? Walks it the
 * way Node resolves packages (up through node_modules folders, never above
 * the package root: the unzipped bundle has nothing above it), from the
 * package's dependencies through every dependency, peer dependency and
 * optional dependency meant for the platform (esbuild, sharp, Pagefind and
 * Rollup pick their binary package by os/cpu/libc this way). Reports what is
 * missing, which platform packages are there, and any that are not for the
 * platform. Needs no binary to run, so the Windows tree is checked on Linux.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export interface Target {
  os: string;
  cpu: string;
  /** Linux only: glibc or musl. */
  libc?: string;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

export interface TreeReport {
  /** `from → name`: a required package Node would not find. */
  missing: string[];
  /** Installed packages restricted by os/cpu/libc and meant for the target (`@esbuild/win32-x64`…), with their folder. */
  platformPackages: { name: string; dir: string }[];
  /** Installed packages restricted to another platform. */
  foreign: string[];
  /** How many packages the walk reached. */
  packages: number;
}

/** Whether a package's os/cpu/libc fields admit the target (`!linux` excludes, as npm reads them). */
export function fitsTarget(manifest: Pick<Manifest, 'os' | 'cpu' | 'libc'>, target: Target): boolean {
  const admits = (allowed: string[] | undefined, value: string | undefined) => {
    if (!allowed || allowed.length === 0 || value === undefined) return true;
    const excluded = allowed.filter((item) => item.startsWith('!')).map((item) => item.slice(1));
    const included = allowed.filter((item) => !item.startsWith('!'));
    if (excluded.includes(value)) return false;
    return included.length === 0 || included.includes(value);
  };
  return (
    admits(manifest.os, target.os) &&
    admits(manifest.cpu, target.cpu) &&
    admits(manifest.libc, target.os === 'linux' ? target.libc : undefined)
  );
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The folder Node would load `name` from, required from inside `from`, not looking above `root`. */
function resolvePackage(name: string, from: string, root: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Whether npm's record says the optional package `name`, wanted from `from`, is for `target` (unknown to npm: not wanted). */
function optionalMeantFor(lock: Lock, from: string, name: string, target: Target): boolean {
  const entry = lockKeys(from, name)
    .map((key) => lock[key])
    .find(Boolean);
  return entry ? fitsTarget(entry, target) : false;
}

export function checkTree(root: string, target: Target): TreeReport {
  const report: TreeReport = { missing: [], platformPackages: [], foreign: [], packages: 0 };
  const lock = readLock(root);
  const seen = new Set<string>();
  const queue: string[] = [root];
  const show = (dir: string) => relative(root, dir).split(sep).join('/') || 'package.json';
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const manifest = readManifest(dir);
    if (!manifest) {
      report.missing.push(`${show(dir)}（package.json 无法读取）`);
      continue;
    }
    if (dir !== root) {
      report.packages += 1;
      if (manifest.os || manifest.cpu || manifest.libc) {
        if (fitsTarget(manifest, target)) report.platformPackages.push({ name: manifest.name, dir });
        else report.foreign.push(`${manifest.name}@${manifest.version}`);
      }
    }
    const required = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter(
        (name) => !manifest.peerDependenciesMeta?.[name]?.optional,
      ),
    ];
    const optional = Object.keys(manifest.optionalDependencies ?? {});
    for (const name of new Set([...required, ...optional])) {
      const found = resolvePackage(name, dir, root);
      if (found) {
        queue.push(found);
        continue;
      }
      const isOptional = optional.includes(name) && !(manifest.dependencies ?? {})[name];
      // An optional dependency is needed when it is meant for the target; its manifest is not
      // installed, so its os/cpu come from the lock file npm kept (node_modules/.package-lock.json).
      if (isOptional && !optionalMeantFor(lock, relative(root, dir).split(sep).join('/'), name, target)) continue;
      report.missing.push(`${manifest.name} → ${name}`);
    }
  }
  return report;
}

/** The lock-file keys where npm may have put `name` wanted from the package at `from` (`node_modules/a/node_modules/b`). */
function lockKeys(from: string, name: string): string[] {
  const keys: string[] = [];
  for (let base = from; ;) {
    keys.push(`${base ? `${base}/` : ''}node_modules/${name}`);
    if (!base) return keys;
    const at = base.lastIndexOf('node_modules/');
    base = at <= 0 ? '' : base.slice(0, at - 1);
  }
}

type Lock = Record<string, Pick<Manifest, 'os' | 'cpu' | 'libc'>>;

/** npm's record of every package it resolved, all platforms' optional ones included. */
function readLock(root: string): Lock {
  const file = [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json')].find((candidate) =>
    existsSync(candidate),
  );
  return file ? ((JSON.parse(readFileSync(file, 'utf8')) as { packages?: Lock }).packages ?? {}) : {};
}
