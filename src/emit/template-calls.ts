import type Handlebars from 'handlebars';
import { didYouMean } from '../closest-match.js';

/** The names a user's template may call: helpers (errgen's and Handlebars' own) and partials. */
export interface KnownNames {
  readonly helpers: readonly string[];
  /** Partial files beside the main template, and inline partials defined in any of them. */
  readonly partials: ReadonlySet<string>;
  /** The message for a partial that is not there (it names the file it would be). */
  readonly missingPartial: (name: string) => string;
}

/**
 * Checks, before a template renders, each helper it calls with arguments and each partial it
 * includes: strict mode finds a misspelt one only when the render reaches it, so one in a branch no
 * code takes yet (`{{#if deprecated}}` while none is) would pass. Checks too that each built-in block
 * (`#if`, `#unless`, `#each`, `#with`) is given exactly one value, which Handlebars says only when it
 * renders, without a place. Throws the first problem as a placed error (`lineNumber`, 0-based
 * `column`), as parseTemplate throws a syntax error.
 *
 * Left to the render: a name without arguments (`{{pascal}}` may be a field), a path (`{{this.fn x}}`),
 * a block parameter, a partial chosen at run time (`{{> (name)}}`) and `{{#> layout}}`, whose block is
 * what renders when there is no such partial.
 */
export function checkCalls(handlebars: typeof Handlebars, program: hbs.AST.Program, known: KnownNames): void {
  const visitor = new handlebars.Visitor();
  const base = handlebars.Visitor.prototype;
  const blockParams: string[] = [];
  const fail = (message: string, loc: hbs.AST.SourceLocation): never => {
    throw Object.assign(new Error(message), { lineNumber: loc.start.line, column: loc.start.column });
  };
  const checkHelper = (node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: unknown[]; hash?: hbs.AST.Hash }) => {
    if (node.path.type !== 'PathExpression' || (node.params.length === 0 && !node.hash)) return;
    const path = node.path as hbs.AST.PathExpression;
    const name = path.original;
    if (path.data || path.depth > 0 || path.parts.length !== 1 || name !== path.parts[0] || blockParams.includes(name) || known.helpers.includes(name)) return;
    fail(`there is no helper "${name}"${didYouMean(name, known.helpers)}`, path.loc);
  };
  type Visit<N> = (this: unknown, node: N) => void;
  const on = <N>(kind: string, before: (node: N) => void, walk = base[kind as keyof typeof base] as unknown as Visit<N>) => {
    (visitor as unknown as Record<string, Visit<N>>)[kind] = function (node) {
      before(node);
      walk.call(this, node);
    };
  };
  on('MustacheStatement', checkHelper);
  on('SubExpression', checkHelper);
  const walkBlock = base.BlockStatement as unknown as Visit<hbs.AST.BlockStatement>;
  const checkBlock = (node: hbs.AST.BlockStatement) => {
    checkHelper(node);
    const path = node.path as hbs.AST.PathExpression;
    const wanted = path.type === 'PathExpression' && path.parts.length === 1 && !path.data ? blockArgument[path.original] : undefined;
    if (wanted === undefined || node.params.length === 1) return;
    fail(`{{#${path.original}}} takes one value, ${wanted}; here it has ${node.params.length}`, path.loc);
  };
  on<hbs.AST.BlockStatement>('BlockStatement', checkBlock, function (node) {
    const names = node.program?.blockParams ?? [];
    blockParams.push(...names);
    try {
      walkBlock.call(this, node);
    } finally {
      blockParams.length -= names.length;
    }
  });
  on<hbs.AST.PartialStatement>('PartialStatement', (node) => {
    // `{{> entry}}` or `{{> "entry"}}` (the types leave out the string the grammar allows).
    const named = node.name as hbs.AST.PathExpression | hbs.AST.StringLiteral | hbs.AST.SubExpression;
    const name = named.type === 'PathExpression' ? named.original : named.type === 'StringLiteral' ? named.value : undefined;
    if (name === undefined || name.startsWith('@') || known.partials.has(name)) return;
    fail(known.missingPartial(name), node.loc);
  });
  visitor.accept(program);
}

/** Handlebars' built-in block helpers, each of which takes one value: what that value is. */
const blockArgument: Readonly<Record<string, string>> = {
  if: 'the one to test',
  unless: 'the one to test',
  each: 'the list to loop over',
  with: 'the object whose fields the block reads',
};

/** Names of the inline partials a template defines (`{{#*inline "row"}}`). */
export function inlinePartialNames(text: string): string[] {
  return [...text.matchAll(/\{\{~?\s*#\*inline\s+(["'])(.*?)\1/g)].map((match) => match[2] as string);
}
