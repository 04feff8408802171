/**
 * A published issue's inputs (records.ts `sources`): collected when it is
 * published, compared when it is checked, and compiled again — with the
 * jianbao that runs now — to tell what a clerk changed from what a newer
 * jianbao renders differently. Both sides of a comparison are then compiled
 * by the same code, so a renderer change shows on neither.
 */
import { compileBody, type BodyCompiler } from '../compile/markdown.ts';
import { loadContent, type EntryRecord, type IssueRecord, type LoadedContent } from '../load/content.ts';
import type { ImageFormat } from '../load/images.ts';
import type { CompiledIssue } from '../model/issue.ts';
import { SETTINGS_FILES } from '../paths.ts';
import { buildRegistry, type Registry } from '../registry.ts';
import { MemorySource } from '../source/memory.ts';
import { entriesById } from '../validate/index.ts';
import { archiveKey, currentRecord } from './compare.ts';
import { canonicalJson, type Sources } from './records.ts';

/** The decoded text of every file of the content, by path (built once per check). */
export function fileTexts(content: LoadedContent): Map<string, string> {
  return new Map(content.files.map((file) => [file.path, file.text]));
}

/**
 * The sources of `issue` now. `issueText`: the issue file's text to record
 * (publish records it as it will read once published); default its text now.
 */
export function issueSources(
  issue: IssueRecord,
  byId: Map<string, EntryRecord>,
  texts: ReadonlyMap<string, string>,
  issueText?: string,
): Sources {
  const files: Record<string, string> = {};
  for (const path of Object.values(SETTINGS_FILES)) {
    const text = texts.get(path);
    if (text !== undefined) files[path] = text;
  }
  files[issue.file] = issueText ?? texts.get(issue.file) ?? '';
  const images: Sources['images'] = {};
  for (const id of issue.data.entries) {
    const entry = byId.get(id.normalize('NFC'));
    if (!entry) continue;
    files[entry.file] = texts.get(entry.file) ?? '';
    for (const image of entry.images ?? []) {
      const target = image.target;
      if (target.kind === 'file' && target.sha256)
        images[target.path] = {
          bytes: target.bytes,
          ...(target.format ? { format: target.format } : {}),
          sha256: target.sha256,
        };
    }
  }
  return { files, images };
}

/**
 * Whether two issues' sources are the same: what their canonical JSON would
 * say (the same paths with the same texts, the same images), compared field
 * by field without serialising every file's text twice (500 issues' worth
 * on every check of years of content).
 */
export function sameSources(a: Sources, b: Sources): boolean {
  return (
    sameRecord(a.files, b.files, (x, y) => x === y) &&
    sameRecord(a.images, b.images, (x, y) => x.bytes === y.bytes && x.format === y.format && x.sha256 === y.sha256)
  );
}

function sameRecord<T>(a: Record<string, T>, b: Record<string, T>, same: (x: T, y: T) => boolean): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !same(a[key]!, b[key]!)) return false;
  return true;
}

/** A content loaded from recorded sources, ready to compile its issues. */
interface LoadedSources {
  content: LoadedContent;
  registry: Registry;
  byId: Map<string, EntryRecord>;
  issues: Map<string, IssueRecord>;
}

/**
 * Recorded sources compiled again with this jianbao, for many issues at
 * once. The records that share their settings files (most of an archive:
 * the settings change seldom) are loaded as one content, so a settings
 * change costs one more load of the recorded files, not one per issue. A
 * path recorded with two different texts (an issue file moved and reused,
 * say) starts another group.
 */
export class RecordedSources {
  private readonly groups: {
    files: Record<string, string>;
    images: Sources['images'];
    loaded?: Promise<LoadedSources>;
  }[] = [];
  private readonly groupOf = new Map<string, number>();

  /** `records`: every issue key with the sources of its newest record. */
  constructor(records: Iterable<[string, Sources]>) {
    const bySettings = new Map<string, number[]>();
    for (const [key, sources] of records) {
      const settings = canonicalJson(Object.values(SETTINGS_FILES).map((path) => sources.files[path] ?? null));
      const candidates = bySettings.get(settings) ?? [];
      let index = candidates.find((candidate) =>
        Object.entries(sources.files).every(([path, text]) => (this.groups[candidate]!.files[path] ?? text) === text),
      );
      if (index === undefined) {
        index = this.groups.push({ files: {}, images: {} }) - 1;
        bySettings.set(settings, [...candidates, index]);
      }
      Object.assign(this.groups[index]!.files, sources.files);
      Object.assign(this.groups[index]!.images, sources.images);
      this.groupOf.set(key, index);
    }
  }

  /** Digest of the issue's record compiled without rendering its Markdown (compare.ts inputsDigest's measure). */
  async inputsDigest(
    key: string,
    digest: (issue: IssueRecord, content: LoadedContent, registry: Registry, byId: Map<string, EntryRecord>) => string,
  ): Promise<string | undefined> {
    const loaded = await this.load(key);
    const issue = loaded?.issues.get(key);
    return loaded && issue ? digest(issue, loaded.content, loaded.registry, loaded.byId) : undefined;
  }

  /**
   * The issue `key` compiled from its recorded sources (the record form), or
   * undefined when they no longer compile (a file this jianbao cannot read
   * any more): the caller then falls back to the record.
   */
  async record(key: string, compile: BodyCompiler = compileBody): Promise<CompiledIssue | undefined> {
    const loaded = await this.load(key);
    const issue = loaded?.issues.get(key);
    return loaded && issue ? currentRecord(issue, loaded.content, loaded.registry, loaded.byId, compile) : undefined;
  }

  private load(key: string): Promise<LoadedSources | undefined> {
    const index = this.groupOf.get(key);
    if (index === undefined) return Promise.resolve(undefined);
    const group = this.groups[index]!;
    group.loaded ??= loadSources(group.files, group.images);
    return group.loaded;
  }
}

async function loadSources(files: Record<string, string>, images: Sources['images']): Promise<LoadedSources> {
  const content = await loadContent(new MemorySource(files, 'published:'));
  // The images are not in the memory source: what the compile reads of them is recorded.
  for (const entry of content.entries) {
    entry.images = entry.images?.map((image) => {
      const { target } = image;
      const recorded = target.kind === 'missing' ? images[target.path] : undefined;
      if (!recorded || target.kind !== 'missing') return image;
      return {
        ...image,
        target: {
          kind: 'file' as const,
          path: target.path,
          bytes: recorded.bytes,
          format: recorded.format as ImageFormat | undefined,
          sha256: recorded.sha256,
        },
      };
    });
  }
  const registry = buildRegistry(content);
  const issues = new Map<string, IssueRecord>();
  if (content.site) {
    for (const issue of content.issues) {
      const key = archiveKey(issue, registry);
      if (key && !issues.has(key)) issues.set(key, issue);
    }
  }
  return { content, registry, byId: entriesById(content.entries), issues };
}
