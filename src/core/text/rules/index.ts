/**
 * The lint rules, in priority order: when two fixes overlap, the earlier
 * rule's fix wins this round (debris is removed before its brackets would be
 * made full-width). Their ids, titles and severities are in the registry (rules.ts).
 */
import type { LintRule } from '../rule.ts';
import bookTitleDunhao from './book-title-dunhao.ts';
import conversionDebris from './conversion-debris.ts';
import dateDamaged from './date-damaged.ts';
import dateFormat from './date-format.ts';
import dateMismatch from './date-mismatch.ts';
import ellipsisDash from './ellipsis-dash.ts';
import fullwidthAlphanumerics from './fullwidth-alphanumerics.ts';
import fullwidthPunctuation from './fullwidth-punctuation.ts';
import invisibleCharacters from './invisible-characters.ts';
import leaderTitles from './leader-titles.ts';
import pinyinAnnotations from './pinyin-annotations.ts';
import quotes from './quotes.ts';
import repeatedPunctuation from './repeated-punctuation.ts';
import serialNumbers from './serial-numbers.ts';
import spaces from './spaces.ts';
import traditional from './traditional.ts';
import trailingSpaces from './trailing-spaces.ts';
import unbalancedPairs from './unbalanced-pairs.ts';

export const LINT_RULES: readonly LintRule[] = [
  invisibleCharacters,
  conversionDebris,
  pinyinAnnotations,
  traditional,
  fullwidthAlphanumerics,
  dateFormat,
  ellipsisDash,
  serialNumbers,
  quotes,
  fullwidthPunctuation,
  spaces,
  trailingSpaces,
  repeatedPunctuation,
  bookTitleDunhao,
  unbalancedPairs,
  dateDamaged,
  dateMismatch,
  leaderTitles,
];

export const LINT_RULES_BY_ID: ReadonlyMap<string, LintRule> = new Map(LINT_RULES.map((rule) => [rule.id, rule]));
