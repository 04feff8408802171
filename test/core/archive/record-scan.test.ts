/**
 * The record scan (record-scan.ts) finds the issue and its entry ids where
 * canonical JSON puts them, and nothing else: on every layout it either
 * gives exactly what a full parse gives, or nothing (the record is then
 * parsed in full).
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/archive/records.ts';
import { scanRecord } from '../../../src/core/archive/record-scan.ts';

const record = (issue: unknown, extra: Record<string, unknown> = {}) => ({
  format: 1,
  inputs: 'ab',
  issue,
  key: 'jianbao/2025/3',
  publishedOn: '2025-12-05',
  sources: { files: { 'entries/2025/11/a.md': '---\ntitle: }，\n  "x"\n---\n' } },
  version: 1,
  ...extra,
});
const entry = (id: string) => ({
  anchor: id,
  body: { blocks: [{ type: 'paragraph', children: [] }] },
  id,
  unit: { id: 'u' },
});
const issue = (entries: unknown[]) => ({ date: '2025-11-28', entries, errata: [], number: 3, print: { pages: {} } });

/** What a full parse says of the bytes, in the scan's terms. */
function parsed(text: string) {
  const value = JSON.parse(text) as { issue: { entries: { id: string }[] } };
  return { rest: { ...value, issue: null }, entries: value.issue.entries.map((item) => item.id) };
}

/** `either`: the scan may pass the layout over, but what it finds is what the parse finds. */
function expectAgrees(text: string, found: 'found' | 'not found' | 'either') {
  const scan = scanRecord(Buffer.from(text));
  if (found === 'not found') return expect(scan).toBeUndefined();
  if (found === 'either' && !scan) return;
  expect(scan).toBeDefined();
  expect({ rest: JSON.parse(scan!.rest) as unknown, entries: scan!.entries }).toEqual(parsed(text));
}

describe('scanning a record', () => {
  it('finds the entry ids and the rest of a canonical record', () => {
    expectAgrees(canonicalJson(record(issue([entry('2025/11/a'), entry('2025/11/b'), entry('2025/11/c')]))), 'found');
  });

  it('finds an issue without entries', () => {
    expectAgrees(canonicalJson(record(issue([]))), 'found');
  });

  it('finds nothing, or the same, where canonical JSON does not put things', () => {
    const entries = [entry('2025/11/a'), entry('2025/11/b')];
    // Another indent, one line, the issue as the last key, the entries as the issue's last key.
    expectAgrees(JSON.stringify(record(issue(entries)), null, 4), 'not found');
    expectAgrees(JSON.stringify(record(issue(entries))), 'not found');
    const { key: _key, publishedOn: _on, sources: _sources, version: _version, ...first } = record(issue(entries));
    expectAgrees(`${JSON.stringify(first, null, 2)}\n`, 'either');
    const { errata: _errata, number: _number, print: _print, ...short } = issue(entries);
    expectAgrees(canonicalJson(record(short)), 'either');
    // An entry without an id.
    const { id: _id, ...idless } = entry('2025/11/b');
    expectAgrees(canonicalJson(record(issue([entry('2025/11/a'), idless]))), 'not found');
  });
});
