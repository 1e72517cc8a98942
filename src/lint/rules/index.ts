import type { LintRule } from '../rule.js';
import { duplicateCode } from './duplicate-code.js';
import { aliasConflict, deprecatedReplacement, removedCodeReused } from './evolution.js';
import { identifierCollision, identifierRenamed } from './identifiers.js';
import { nonStandardStatus, successStatus } from './status.js';
import { codeFormat, emptyMessage, emptySolution } from './text.js';

/** Every lint rule, in the order their findings are listed. Ids are stable: configs name them. */
export const lintRules: readonly LintRule[] = [
  duplicateCode,
  nonStandardStatus,
  successStatus,
  codeFormat,
  emptyMessage,
  emptySolution,
  identifierCollision,
  identifierRenamed,
  removedCodeReused,
  deprecatedReplacement,
  aliasConflict,
];
