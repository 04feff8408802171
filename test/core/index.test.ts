/** The core's public door: pinned, so a change to it is a deliberate one. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index.ts';
import * as pagesDoor from '../../src/core/pages.ts';
import { ROOT } from '../helpers/index.ts';

describe('src/core/index.ts', () => {
  it('exports exactly the documented API', () => {
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
        "ContentErrors",
        "ENCODING_NAMES",
        "ENTRIES_DIR",
        "EXIT",
        "EntryConflict",
        "FileSystemSource",
        "ISSUES_DIR",
        "ImageReader",
        "ImageVanishedError",
        "LEDGER_FILE",
        "LINT_RULES",
        "MEDIA_DIR",
        "MemorySource",
        "PACKAGE_ROOT",
        "RULES",
        "SECTIONS",
        "SETTINGS_FILES",
        "STAFF_ROLES",
        "UsageError",
        "UserError",
        "WorkflowError",
        "addErratum",
        "adoptedEntries",
        "applyFixes",
        "archiveLegacyIssues",
        "bodyHtml",
        "buildRegistry",
        "checkContent",
        "chineseDate",
        "chineseMonthDay",
        "compareDigest",
        "compileBody",
        "compileEntry",
        "compileImages",
        "compileIssue",
        "compileSite",
        "computeDigest",
        "computeStats",
        "controlCharProblem",
        "copyAtomic",
        "createEntry",
        "createIssue",
        "dateProblem",
        "defaultSeries",
        "didYouMean",
        "distributionText",
        "entriesById",
        "entriesBySection",
        "entryForm",
        "entryHtml",
        "entrySeries",
        "entryTitleHtml",
        "errnoReason",
        "expandDistribution",
        "fieldOfLine",
        "fileVersion",
        "findPerson",
        "fixBody",
        "fixEntryFiles",
        "frozenEntryIds",
        "hasChanges",
        "imageOutputs",
        "importFiles",
        "isFrozen",
        "isMonthDay",
        "isSafeUrl",
        "isSystemError",
        "issueName",
        "issueNumbering",
        "issueRefOf",
        "issueSeries",
        "leadersOn",
        "lintBody",
        "lintContent",
        "lintEntry",
        "loadContent",
        "loadForWorkflow",
        "matchUnits",
        "missingFields",
        "model",
        "newCheckState",
        "noteHtml",
        "officialLevel",
        "openEntry",
        "openProject",
        "padName",
        "parseDateText",
        "parseIssueRef",
        "parsedRecords",
        "peopleRequired",
        "plainCheckState",
        "planIssue",
        "printPageStyles",
        "printSheetHtml",
        "publishIssue",
        "renderIssueDocx",
        "renderMarkdown",
        "replaceDirectory",
        "resolveContentDir",
        "resolveEntryFields",
        "restoreCheckState",
        "saveEntry",
        "schema",
        "sectionFromText",
        "sectionName",
        "sectionSchema",
        "sortDiagnostics",
        "systemErrorMessage",
        "titleOn",
        "titleRequired",
        "unitNamesOn",
        "unitsInOrder",
        "validate",
        "writeAtomic",
      ]
    `);
  });

  it('is the only way into the core from the CLI, the build, the site and the PDF code (pages may also use pages.ts)', () => {
    const src = join(ROOT, 'src');
    const offenders: string[] = [];
    for (const file of readdirSync(src, { recursive: true }) as string[]) {
      const path = file.replace(/\\/g, '/');
      if (path.startsWith('core/') || !/\.(ts|astro|js|mjs)$/.test(path)) continue;
      const text = readFileSync(join(src, file), 'utf8');
      for (const match of text.matchAll(/(?:from|import\()\s*'((?:\.\.\/)+core\/[^']+)'/g)) {
        // The pages' own door (values only: rendering), so Astro's bundle of them does not hold the whole core.
        const pagesDoor = /^(pages|components|layouts)\//.test(path) && match[1]!.endsWith('core/pages.ts');
        if (!match[1]!.endsWith('core/index.ts') && !pagesDoor) offenders.push(`${path}: ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('gives the pages only types, their values coming from pages.ts (the same functions), so Astro does not bundle the whole core', () => {
    for (const [name, value] of Object.entries(pagesDoor)) expect(value, name).toBe(core[name as keyof typeof core]);
    const src = join(ROOT, 'src');
    const offenders: string[] = [];
    for (const file of readdirSync(src, { recursive: true }) as string[]) {
      const path = file.replace(/\\/g, '/');
      if (!/^(pages|components|layouts|site)\//.test(path) || !/\.(ts|astro)$/.test(path)) continue;
      const text = readFileSync(join(src, file), 'utf8');
      for (const match of text.matchAll(/^import (?!type )[^;]*'(?:\.\.\/)+core\/index\.ts';/gm))
        offenders.push(`${path}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
