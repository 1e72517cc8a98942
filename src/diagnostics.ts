/** Where something is: a file (as the user named it) and a 1-based line and column. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in the user's input, pointing at the place to fix. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  /** How to fix it, phrased as an instruction. */
  readonly hint?: string;
  readonly at?: Location;
  /** The file it is about when there is no place in it to point at (`at` names the file when there is): one that is missing or cannot be read. */
  readonly file?: string;
  /** Other places involved, e.g. the first occurrence of a duplicate. */
  readonly related?: readonly Location[];
  /** Stable id of the rule that found it, for lint findings. */
  readonly rule?: string;
  /** The error code the finding is about, when there is one. */
  readonly code?: string;
  /** Multi-line detail shown under the message, e.g. a unified diff. */
  readonly details?: string;
}

/** Exit codes, documented in the README: stable, part of the CLI contract. */
export const ExitCode = {
  ok: 0,
  inputError: 1,
  usageError: 2,
  internalError: 70,
} as const;

/** An error the user can fix; the CLI prints it without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The input (Markdown, catalog) has errors: exit 1. */
export class InputError extends UserError {
  /** The file that could not be read, when that is the error. */
  file?: string;

  constructor(message: string, diagnostics: readonly Diagnostic[] = []) {
    super(message, ExitCode.inputError, diagnostics);
    this.name = 'InputError';
  }
}

/** Bad command line or configuration: exit 2. */
export class UsageError extends UserError {
  constructor(message: string, diagnostics: readonly Diagnostic[] = []) {
    super(message, ExitCode.usageError, diagnostics);
    this.name = 'UsageError';
  }
}

/** The file a diagnostic is about, if it names one. */
export function fileOf(d: Diagnostic): string | undefined {
  return d.at?.file ?? d.file;
}

export function formatLocation(at: Location): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** `file:line:col: error: message. hint` — one paragraph per problem. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${formatLocation(d.at)}: ` : '';
  const rule = d.rule ? ` [${d.rule}]` : '';
  const related = d.related?.length ? ` (see also ${d.related.map(formatLocation).join(', ')})` : '';
  const hint = d.hint ? ` ${d.hint}` : '';
  return `${where}${d.severity}: ${d.message}${related}.${hint}${rule}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
