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
import { buildRegistry } from '../registry.ts';
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
export function issueSources(issue: IssueRecord, byId: Map<string, EntryRecord>, texts: Map<string, string>, issueText?: string): Sources {
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
      if (target.kind === 'file' && target.sha256) images[target.path] = { bytes: target.bytes, ...(target.format ? { format: target.format } : {}), sha256: target.sha256 };
    }
  }
  return { files, images };
}

export function sameSources(a: Sources, b: Sources): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The issue `key` compiled from recorded sources with this jianbao (the
 * record form), or undefined when they no longer compile (a file this
 * jianbao cannot read any more): the caller then falls back to the record.
 */
export async function compileSources(sources: Sources, key: string, compile: BodyCompiler = compileBody): Promise<CompiledIssue | undefined> {
  const content = await loadContent(new MemorySource(sources.files, 'published:'));
  // The images are not in the memory source: what the compile reads of them is recorded.
  for (const entry of content.entries) {
    entry.images = entry.images?.map((image) => {
      const { target } = image;
      const recorded = target.kind === 'missing' ? sources.images[target.path] : undefined;
      if (!recorded || target.kind !== 'missing') return image;
      return { ...image, target: { kind: 'file' as const, path: target.path, bytes: recorded.bytes, format: recorded.format as ImageFormat | undefined, sha256: recorded.sha256 } };
    });
  }
  if (!content.site) return undefined;
  const registry = buildRegistry(content);
  const issue = content.issues.find((candidate) => archiveKey(candidate, registry) === key);
  return issue ? currentRecord(issue, content, registry, entriesById(content.entries), compile) : undefined;
}
