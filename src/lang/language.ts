import type { CaseStyle } from '../names/case.js';

/**
 * What errgen knows about one target language: how its identifiers for codes are styled and
 * which words they must avoid, and how to write catalog text safely as a literal or a comment.
 * All escaping for a language lives in its module; templates never decide quoting.
 */
export interface Language {
  /** Key used in the catalog's `names` overrides and in `code.names` of the view model. */
  readonly id: string;
  /** Case style of a code's identifier (an enum member or constant). */
  readonly memberCase: CaseStyle;
  /** Case style of a message parameter's name (`{resource_id}` → `resourceId`); camel when absent. */
  readonly parameterCase?: CaseStyle;
  /** Prefix put before every member name, e.g. Go's `Code` in `CodeNotFound`; may be empty. */
  readonly memberPrefix?: string;
  /** Words an identifier may not be (keywords, and names that would shadow something needed). */
  readonly reserved: ReadonlySet<string>;
  /**
   * Rewrites a styled name into what the language accepts or sees, before the leading-digit and
   * reserved-word rules: e.g. ASCII only (Protocol Buffers), NFKC (Python compares identifiers so).
   * An empty result means no name can be made.
   */
  identifierText?(name: string): string;
  /** Whether reserved-word comparison ignores case (e.g. a language whose keywords are case-insensitive). */
  readonly reservedIgnoreCase?: boolean;
  /**
   * What the compiler compares when it tells two members apart, where that is not the name itself
   * (protoc: enum values in PascalCase, so `ERROR_CODE_V_2` and `ERROR_CODE_V2` are one): `key`
   * gives one name for all that compare alike, the name itself for the usual one. Two codes whose
   * keys are one collide, and a name whose key is in `reserved` is reserved (write them as keys).
   * `rule` ends the sentence "…become the identifiers A and B, which …" in the error.
   */
  readonly comparedAs?: { key(name: string): string; readonly rule: string };
  /** What rule 4 appends to a derived name that is reserved: `_` unless the language ignores it (protoc does). */
  readonly reservedSuffix?: string;
  /** What the language reads as one identifier: a `names:` override, used as it is, must be one. */
  readonly identifier: RegExp;
  /**
   * How a member is written (an override too): Go's exported names, Java's and Python's constants,
   * Rust's UpperCamelCase variants. Besides being idiomatic, it keeps members apart from the
   * built-in templates' locals, parameters, methods and imported types (`locale`, `String`), all
   * written in another case. `rule` says it in words, with an example.
   */
  readonly memberStyle: { test(name: string): boolean; readonly rule: string };
  /**
   * Whether the built-in target (with its default options) declares this name, written in the member
   * style, itself in the scope its members are declared in: Go's `Parse` beside the constants, Rust's
   * `ErrorCode::ALL`. Derived names never are (a reserved word would be); a `names:` override may be.
   */
  declaresBeside?(name: string): boolean;
  /**
   * Whether members share a scope with the name of the type the built-in target declares (its
   * `typeName` option): Go's package, Java's type body (a constant would obscure the type), Python's
   * class body (its annotations read the name). No member may then take that name.
   */
  readonly membersBesideType?: boolean;
  /**
   * The built-in target's functions that fill in a code's message and solution, where it names them
   * after the member: `stem` gives the part two codes must not share (Go's `MessageNotFound` and
   * `SolutionNotFound` share `NotFound`), `names` the two functions' names; `withParamsOnly` when only
   * codes with placeholders get them; `besideMembers` when they share the members' scope (Go's do).
   */
  readonly formatters?: {
    stem(member: string): string;
    names(stem: string): readonly [message: string, solution: string];
    readonly withParamsOnly: boolean;
    readonly besideMembers: boolean;
    /**
     * When every member matches this, no two formatters share a name, nor (besideMembers) a member's:
     * the check is skipped (the usual catalog, and 100,000 codes cost a visible part of a run).
     */
    readonly distinctWhen?: RegExp;
  };
  /** A double-quoted (or the language's usual) string literal whose run-time value is exactly `text`. */
  stringLiteral(text: string): string;
  /** `text` made safe to place inside the language's comment syntax (no comment terminators, no newlines). */
  commentText(text: string): string;
}
