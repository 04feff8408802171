/** The core's public door: pinned, so a change to it is a deliberate one. */
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index.ts';

describe('src/core/index.ts', () => {
  it('exports exactly the documented API', () => {
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
        "ENTRIES_DIR",
        "ISSUES_DIR",
        "LINT_RULES",
        "RULES",
        "SETTINGS_FILES",
        "STAFF_ROLES",
        "applyFixes",
        "bodyHtml",
        "buildRegistry",
        "checkContent",
        "chineseDate",
        "chineseMonthDay",
        "compareDigest",
        "compileBody",
        "compileEntry",
        "compileIssue",
        "compileSite",
        "computeDigest",
        "computeStats",
        "didYouMean",
        "distributionText",
        "entriesById",
        "entryHtml",
        "entrySeries",
        "expandDistribution",
        "findPerson",
        "fixBody",
        "hasChanges",
        "isSafeUrl",
        "issueName",
        "issueNumbering",
        "issueSeries",
        "lintBody",
        "lintContent",
        "lintEntry",
        "loadContent",
        "model",
        "noteHtml",
        "officialLevel",
        "padName",
        "renderMarkdown",
        "resolveContentDir",
        "schema",
        "sortDiagnostics",
        "titleOn",
        "validate",
      ]
    `);
  });
});
