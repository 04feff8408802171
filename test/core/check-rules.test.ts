/**
 * One fixture per rule: each folder in test/fixtures/rules/ overlays the base
 * content (test/fixtures/base/content) with a few bad files, optionally
 * removing some (case.json: { "remove": [...] }). `expected.json` holds every
 * diagnostic `check` must report — rule, severity, file, line, column and the
 * Chinese message. Run with UPDATE=1 to regenerate, then review the diff.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, RULES } from '../../src/core/index.ts';
import { copyContent, FIXTURES } from '../helpers/index.ts';

const CASES_DIR = join(FIXTURES, 'rules');

/** The rule each case exists to demonstrate. */
const CASE_RULE: Record<string, string> = {
  'file-read': 'file/read',
  'file-empty': 'file/empty',
  'file-binary': 'file/binary',
  'file-missing': 'file/missing',
  'encoding-gbk': 'encoding/not-utf8',
  'encoding-unknown': 'encoding/unknown',
  'encoding-bom': 'encoding/bom',
  'encoding-crlf': 'encoding/crlf',
  'markdown-too-deep': 'markdown/too-deep',
  'frontmatter-missing': 'frontmatter/missing',
  'frontmatter-unclosed': 'frontmatter/unclosed',
  'yaml-syntax': 'yaml/syntax',
  'yaml-tab': 'yaml/tab',
  'yaml-fullwidth-colon': 'yaml/fullwidth-colon',
  'yaml-duplicate-key': 'yaml/duplicate-key',
  'schema-unknown-key': 'schema/unknown-key',
  'schema-duplicate-key': 'schema/duplicate-key',
  'schema-required': 'schema/required',
  'schema-invalid': 'schema/invalid',
  'entry-title-required': 'entry/title-required',
  'entry-people-required': 'entry/people-required',
  'entry-unknown-unit': 'entry/unknown-unit',
  'entry-unit-repeated': 'entry/unit-repeated',
  'entry-unit-renamed': 'entry/unit-renamed',
  'entry-unit-inactive': 'entry/unit-inactive',
  'entry-unknown-person': 'entry/unknown-person',
  'entry-person-no-title': 'entry/person-no-title',
  'entry-unknown-series': 'entry/unknown-series',
  'series-required': 'entry/series-required',
  'section-not-in-series': 'entry/section-not-in-series',
  'entry-title-articles': 'issue/entry-title-required',
  'entry-pending': 'entry/pending',
  'entry-unedited': 'entry/unedited',
  'entry-in-several-issues': 'entry/in-several-issues',
  'entry-image-missing': 'entry/image-missing',
  'entry-image-type': 'entry/image-type',
  'entry-image-remote': 'entry/image-remote',
  'issue-unknown-series': 'issue/unknown-series',
  'issue-number-duplicate': 'issue/number-duplicate',
  'issue-number-gap': 'issue/number-gap',
  'issue-number-start': 'issue/number-start',
  'issue-total-sequence': 'issue/total-sequence',
  'issue-supplement-gap': 'issue/number-gap',
  'issue-supplement-total': 'issue/supplement-total',
  'issue-date-out-of-year': 'issue/date-out-of-year',
  'issue-date-order': 'issue/date-order',
  'issue-entry-missing': 'issue/entry-missing',
  'issue-entry-not-ready': 'issue/entry-not-ready',
  'issue-entry-listed-twice': 'issue/entry-listed-twice',
  'issue-entry-after-issue': 'issue/entry-after-issue',
  'issue-entry-series': 'issue/entry-series',
  'issue-unknown-recipient': 'issue/unknown-recipient',
  'settings-duplicate-id': 'settings/duplicate-id',
  'settings-reserved-id': 'settings/reserved-id',
  'settings-unknown-person': 'settings/unknown-person',
  'settings-unknown-unit': 'settings/unknown-unit',
};

/** Rules covered by dedicated tests elsewhere (they need a computed digest, or a file too big to keep: test/core/validate/images.test.ts). */
const COVERED_ELSEWHERE = [
  // entry/duplicate-id (file names equal after NFC), file/outside (symbolic links), yaml/too-deep: test/core/load/content-faults.test.ts;
  // check/timeout (jianbao dev only): test/build/dev-deep.test.ts.
  'entry/duplicate-id',
  'file/outside',
  'yaml/too-deep',
  'check/timeout',
  'entry/image-large',
  'issue/frozen-changed',
  'issue/digest-missing',
  'issue/errata-pending',
  'issue/series-required',
  'settings/duplicate-name',
  // The archive's rules need a published issue's snapshot: test/core/archive/archive.test.ts, test/core/validate/frozen.test.ts.
  'archive/issue-missing',
  'archive/key-changed', // test/cli/odd-input.test.ts
  'archive/status-changed',
  'archive/snapshot-missing',
  'archive/snapshot-altered',
  'archive/ledger-missing',
  'archive/ledger-invalid',
  'archive/unlisted-snapshot',
  'archive/not-archived',
  'archive/entry-deleted',
];

async function runCase(name: string) {
  const dir = await copyContent();
  const caseDir = join(CASES_DIR, name);
  if (existsSync(join(caseDir, 'case.json'))) {
    const spec = JSON.parse(await readFile(join(caseDir, 'case.json'), 'utf8')) as { remove?: string[] };
    for (const path of spec.remove ?? []) await rm(join(dir, path), { recursive: true, force: true });
  }
  if (existsSync(join(caseDir, 'content'))) await cp(join(caseDir, 'content'), dir, { recursive: true });
  const result = await checkContent(dir);
  return result.diagnostics.map(({ rule, severity, file, line, column, message }) => ({
    rule,
    severity,
    file,
    line,
    column,
    message,
  }));
}

const cases = (await readdir(CASES_DIR)).sort();

describe('check: one fixture per rule', () => {
  it('has a case for every fixture folder and a fixture folder for every case', () => {
    expect(cases).toEqual(Object.keys(CASE_RULE).sort());
  });

  it('covers every check rule (lint and template rules have tests of their own)', () => {
    const covered = new Set([...Object.values(CASE_RULE), ...COVERED_ELSEWHERE]);
    const checkRules = Object.keys(RULES).filter((rule) => !rule.startsWith('lint/') && !rule.startsWith('template/'));
    expect(checkRules.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  for (const name of cases) {
    it(`${name} → ${CASE_RULE[name]}`, async () => {
      const diagnostics = await runCase(name);
      const expectedFile = join(CASES_DIR, name, 'expected.json');
      if (process.env.UPDATE || !existsSync(expectedFile)) {
        await writeFile(expectedFile, `${JSON.stringify(diagnostics, null, 2)}\n`);
      }
      expect(diagnostics.map((d) => d.rule)).toContain(CASE_RULE[name]);
      for (const d of diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(diagnostics).toEqual(JSON.parse(await readFile(expectedFile, 'utf8')));
    });
  }
});
