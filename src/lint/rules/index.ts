import type { LintRule } from '../rule.js';
import { duplicateCode } from './duplicate-code.js';
import { aliasConflict, deprecatedReplacement, removedCodeReused } from './evolution.js';
import { identifierCollision, identifierOverride, identifierRenamed } from './identifiers.js';
import { localeConfig } from './locale-config.js';
import { paramExample } from './param-example.js';
import { placeholderSyntax, translationPlaceholders, undeclaredPlaceholder, unusedParam } from './placeholders.js';
import { nonStandardStatus, successStatus } from './status.js';
import { codeFormat, emptyMessage, emptySolution } from './text.js';
import { missingTranslation, unreviewedTranslation } from './translations.js';

/** Every lint rule, in the order their findings are listed. Ids are stable: configs name them. */
export const lintRules: readonly LintRule[] = [
  duplicateCode,
  nonStandardStatus,
  successStatus,
  codeFormat,
  emptyMessage,
  emptySolution,
  identifierCollision,
  identifierOverride,
  identifierRenamed,
  removedCodeReused,
  deprecatedReplacement,
  aliasConflict,
  placeholderSyntax,
  undeclaredPlaceholder,
  unusedParam,
  paramExample,
  translationPlaceholders,
  missingTranslation,
  unreviewedTranslation,
  localeConfig,
];
