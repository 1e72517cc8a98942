import { type Document, isAlias, isMap, isNode, isPair, isScalar, LineCounter, type Node, parseAllDocuments, visit, type YAMLError } from 'yaml';
import type { Diagnostic, Location } from '../diagnostics.js';
import { fastLocator } from './fast-locate.js';
import { nestingTooDeepAt, readYamlFast } from './fast-read.js';
import type { SchemaName } from './schema.js';
import { sourceOffsetIn } from './source-offset.js';
import { validateAgainstSchema } from './validate.js';

export interface ParsedYaml<T> {
  readonly value: T;
  /** The YAML document, with comments, for editing without losing what people wrote. */
  readonly document: Document;
  /**
   * Where the node at a path (e.g. ['groups', 0, 'codes', 3]) starts in the file; with an offset
   * into a string value, where that character of the value is written, when that can be told.
   */
  locate(path: readonly (string | number)[], offset?: number): Location;
}

/**
 * Limits that keep hostile YAML bounded. An alias bomb ("billion laughs") copies a node that
 * copies nodes …: at most 100 copies. A catalog is 6 levels deep and a config 5; deeper nesting
 * would only exhaust the stack of the parser and of everything that walks the value.
 */
export const yamlLimits = { maxAliasCount: 100, maxDepth: 64 } as const;

/** How errgen parses YAML everywhere: duplicate keys are errors, and so is what YAML 1.2 forbids. */
const parseOptions = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/**
 * Parses one YAML document and validates it against a shipped JSON Schema. Returns the value, or
 * every problem at once with file:line:col.
 */
export async function parseYaml<T>(text: string, file: string, schema: SchemaName): Promise<ParsedYaml<T> | Diagnostic[]> {
  const fast = readFastIfValid<T>(text, file, schema);
  if (fast) return fast;
  const lineCounter = new LineCounter();
  const at = (offset: number): Location => positionAt(lineCounter, file, offset);
  let documents: Document[];
  try {
    documents = parseAllDocuments(text, { lineCounter, ...parseOptions }) as Document[];
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return [tooDeep(deepestPlace(text, file) ?? at(0))];
  }
  if (!Array.isArray(documents)) documents = [];
  if (documents.length > 1) {
    return [
      {
        severity: 'error',
        at: at((documents[1] as Document).range?.[0] ?? 0),
        message: 'the file holds more than one YAML document',
        hint: 'Keep one document: remove the `---` separator and what follows it, or merge the documents.',
      },
    ];
  }
  const document = documents[0];
  if (!document || document.contents === null) {
    const message = text.trim() === '' ? 'the file is empty' : 'the file holds no YAML data, only comments';
    return [{ severity: 'error', at: at(0), message, hint: `Write the ${schema} as a YAML mapping.` }];
  }
  const problems = reportedErrors([...document.errors, ...document.warnings]).map((error) => describeYamlError(error, document, text, at));
  if (problems.length > 0) return problems;
  const nestingProblem = checkDepth(document, at);
  if (nestingProblem) return [nestingProblem];
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: yamlLimits.maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError) && !isStackOverflow(error)) throw error;
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec((error as Error).message);
    if (unresolved) {
      return [
        {
          severity: 'error',
          at: at(firstAliasOffset(document, unresolved[1])),
          message: `the alias *${unresolved[1]} names no anchor: no \`&${unresolved[1]}\` comes before it`,
          hint: `Write the value here, or mark the value it copies with \`&${unresolved[1]}\` before this place.`,
        },
      ];
    }
    return [
      {
        severity: 'error',
        at: at(firstAliasOffset(document)),
        message: `the aliases (\`*name\`) in this file expand to more than ${yamlLimits.maxAliasCount} copies (an alias of a list of aliases of …, a "billion laughs" attack)`,
        hint: 'Write the values out instead of repeating them through aliases.',
      },
    ];
  }
  const locate = nodeLocator(document, lineCounter, file, text);
  const schemaProblems = validateAgainstSchema(schema, value, locate, keyLocator(document, lineCounter, file));
  if (schemaProblems.length > 0) return schemaProblems;
  return { value: value as T, document, locate };
}

/**
 * The value, when the fast reader reads the text (the plain YAML errgen writes) and the value is
 * valid; its YAML document is built only if something asks for it. Anything else, and every
 * problem, takes the full parser's path, which reports with positions.
 */
function readFastIfValid<T>(text: string, file: string, schema: SchemaName): ParsedYaml<T> | undefined {
  const fast = readYamlFast(text, yamlLimits.maxDepth);
  if (fast === undefined) return undefined;
  // Only whether there are problems counts here, so no location is needed.
  const startOfFile: Location = { file, line: 1, column: 1 };
  if (validateAgainstSchema(schema, fast.value, () => startOfFile).length > 0) return undefined;
  return lazilyParsed(fast.value as T, text, file);
}

/**
 * A value read from `text`, whose YAML document is parsed from the text on first use. A location
 * comes from the fast reader's positions where it recorded them (fast-locate.ts), else from that
 * document: a finding in a big catalog is placed without building yaml's nodes for all of it.
 */
export function lazilyParsed<T>(value: T, text: string, file: string): ParsedYaml<T> {
  let parsed: { document: Document; locate: ParsedYaml<T>['locate'] } | undefined;
  let fast: ReturnType<typeof fastLocator> | null | undefined;
  const parse = () => {
    if (parsed) return parsed;
    const lineCounter = new LineCounter();
    const document = parseAllDocuments(text, { lineCounter, ...parseOptions })[0] as Document;
    return (parsed = { document, locate: nodeLocator(document, lineCounter, file, text) });
  };
  return {
    value,
    get document() {
      return parse().document;
    },
    locate: (path, offset) => {
      if (fast === undefined) fast = fastLocator(text, file, yamlLimits.maxDepth) ?? null;
      return fast?.(path, offset) ?? parse().locate(path, offset);
    },
  };
}

/**
 * The errors worth reading: after an error in the file's structure (a tab of indentation, a bad
 * indent, a stray token) yaml misreads the rest of the file, and what it reports there is noise
 * (one tab gave 20 errors). Errors before it, and errors that stay where they are (a bad escape, an
 * unknown tag), are each their own mistake.
 */
function reportedErrors(errors: readonly YAMLError[]): YAMLError[] {
  const structural = errors.filter((error) => structuralErrors.has(error.code)).sort((a, b) => a.pos[0] - b.pos[0])[0];
  return structural === undefined ? [...errors] : errors.filter((error) => error === structural || error.pos[0] < structural.pos[0]);
}

const structuralErrors = new Set<string>(['TAB_AS_INDENT', 'BAD_INDENT', 'UNEXPECTED_TOKEN', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_SCALAR_START', 'IMPOSSIBLE']);

/** A parser error as a diagnostic that says what is wrong in words a catalog's author knows. */
function describeYamlError(error: YAMLError, document: Document, text: string, at: (offset: number) => Location): Diagnostic {
  const where = at(error.pos[0]);
  // Where yaml ran out of stack depends on how deep the stack already was: say where the limit is passed.
  if (isStackOverflow(error)) return tooDeep(deepestPlace(text, where.file) ?? where);
  if (error.code === 'DUPLICATE_KEY') {
    let duplicate: ReturnType<typeof duplicateKeyAt>;
    try {
      duplicate = duplicateKeyAt(document, error.pos[0]);
    } catch {
      duplicate = undefined; // too deep to walk: the plain message below still says what is wrong
    }
    if (duplicate) {
      return {
        severity: 'error',
        at: at(duplicate.offset),
        related: [at(duplicate.firstOffset)],
        message: `the key "${duplicate.key}" appears twice in one mapping`,
        hint: 'Keep one of them: YAML does not say which would win.',
      };
    }
  }
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = /^!\S*/.exec(text.slice(error.pos[0]))?.[0] ?? firstLine(error.message).replace(/^Unresolved tag: /, '');
    return {
      severity: 'error',
      at: where,
      message: `the tag ${tag} is not supported: errgen reads plain YAML data (strings, numbers, booleans, lists and mappings)`,
      hint: 'Remove the tag; quote the value if it should be a string.',
    };
  }
  // yaml places a quoted string left open where it gave up looking for the end: the end of the file.
  const quote = error.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
  const opened = quote === undefined ? undefined : quotedScalarEndingAt(document, error.pos[0]);
  if (opened !== undefined) {
    return {
      severity: 'error',
      at: at(opened),
      message: `this ${quote} starts a quoted string that is never closed: YAML reads on to the end of the file`,
      hint: `End the text with ${quote}${quote === '"' ? ' (write a " inside it as \\")' : " (write a ' inside it as '')"}.`,
    };
  }
  return { severity: 'error', at: where, message: `invalid YAML: ${firstLine(error.message)}`, hint: 'Fix the YAML syntax at this place.' };
}

/** Where the quoted scalar of `document` whose text ends at `end` starts (yaml's node for it runs to there). */
function quotedScalarEndingAt(document: Document, end: number): number | undefined {
  let start: number | undefined;
  try {
    visit(document, {
      Scalar(_key, node) {
        if ((node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || node.range?.[1] !== end) return undefined;
        start = node.range[0];
        return visit.BREAK;
      },
    });
  } catch {
    return undefined; // too deep to walk: the plain message says what is wrong
  }
  return start;
}

/** Where the first collection nested past the limit starts, when the fast reader can tell. */
function deepestPlace(text: string, file: string): Location | undefined {
  const place = nestingTooDeepAt(text, yamlLimits.maxDepth);
  return place && { file, line: place.line + 1, column: place.column + 1 };
}

function tooDeep(at: Location): Diagnostic {
  return {
    severity: 'error',
    at,
    message: `the YAML is nested too deeply: errgen reads at most ${yamlLimits.maxDepth} levels of lists and mappings`,
    hint: 'A catalog needs 6 levels (groups, a group, codes, an entry, a field, its value); remove the extra nesting.',
  };
}

/** The first collection nested deeper than the limit, found without recursion. */
function checkDepth(document: Document, at: (offset: number) => Location): Diagnostic | undefined {
  const stack: Array<[unknown, number]> = [[document.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (node !== null && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
      if (depth > yamlLimits.maxDepth) return tooDeep(at((node as Node).range?.[0] ?? 0));
      for (const item of [...(node.items as unknown[])].reverse()) stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** The key whose second occurrence starts at `offset`, and where it first appeared in its mapping. */
function duplicateKeyAt(document: Document, offset: number): { key: string; offset: number; firstOffset: number } | undefined {
  let found: { key: string; offset: number; firstOffset: number } | undefined;
  visit(document, {
    Map(_key, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyOffset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
        const first = seen.get(key);
        if (first !== undefined && (found === undefined || Math.abs(keyOffset - offset) < Math.abs(found.offset - offset))) {
          found = { key, offset: keyOffset, firstOffset: first };
        }
        if (first === undefined) seen.set(key, keyOffset);
      }
    },
  });
  return found;
}

/** Where the first alias (of that name, when given) is. */
function firstAliasOffset(document: Document, name?: string): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      if (!isAlias(node) || (name !== undefined && node.source !== name)) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || /Maximum call stack size exceeded/.test((error as Error | undefined)?.message ?? '');
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Where the node at a path starts: the deepest node of the path that exists, else the file's start.
 * Given the source text, an offset into the string value of the node at the full path is mapped to
 * where that character is written (see sourceOffsetIn).
 */
export function nodeLocator(document: Document, lineCounter: LineCounter, file: string, text?: string): (path: readonly (string | number)[], offset?: number) => Location {
  return (path, offset) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (!isNode(node) || !node.range) continue;
      const start = node.range[0];
      if (offset !== undefined && depth === path.length && text !== undefined && isScalar(node) && typeof node.value === 'string') {
        const within = sourceOffsetIn(text.slice(start, node.range[1]), node.value, offset);
        if (within !== undefined) return positionAt(lineCounter, file, start + within);
      }
      return positionAt(lineCounter, file, start);
    }
    return positionAt(lineCounter, file, 0);
  };
}

/** Where the key that ends `path` is written in its mapping, if it is there. */
function keyLocator(document: Document, lineCounter: LineCounter, file: string): (path: readonly (string | number)[]) => Location | undefined {
  return (path) => {
    const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const key = path[path.length - 1];
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    const range = isNode(pair?.key) ? pair.key.range : undefined;
    return range ? positionAt(lineCounter, file, range[0]) : undefined;
  };
}

function positionAt(lineCounter: LineCounter, file: string, offset: number): Location {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}
