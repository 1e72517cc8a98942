import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, relative } from 'node:path';
import type Handlebars from 'handlebars';
import { describeFsError } from '../io/files.js';
import { templateFiles } from './template-files.js';
import { packagePath } from '../package-root.js';
import { templateHelpers } from './helpers.js';
import { checkCalls, inlinePartialNames } from './template-calls.js';
import { atCall, inFile, missingPartial, registerInline } from './template-place.js';
import { parseTemplate } from './template-syntax.js';
import * as templateRuntime from './template-runtime.js';
import { builtinTemplates } from './templates.generated.js';

/**
 * Renders a template for `model`, handing its text to `write` in order: a built-in template in flat
 * pieces, each written once a loop's text passes 16K characters (so a big output is not held as one
 * string, but for an indented partial's text), a user's in one piece.
 */
export type Render = (model: object, write: (piece: string) => void) => void;

/** The whole text that `renderTo` hands to its writer in pieces. */
export function joinedText(renderTo: (write: (piece: string) => void) => void): string {
  const pieces: string[] = [];
  renderTo((piece) => pieces.push(piece));
  return pieces.join('');
}

/** A render's whole text at once. */
export function renderText(render: Render, model: object): string {
  return joinedText((write) => render(model, write));
}

/** The options a user's template is compiled with: for code, not HTML. */
const compileOptions = { noEscape: true, strict: true } as const;
const runtimeOptions = { allowProtoPropertiesByDefault: false } as const;

/**
 * Compiles a target's main template; every other `.hbs` file in its folder is a partial, named by
 * its file name without `.hbs`. A template renders with errgen's helpers, no HTML escaping (each
 * language's helpers escape) and strict mode (a missing field or misspelt helper fails). Built-in
 * templates come compiled to plain functions at build time (scripts/template-compiler.mjs, same
 * semantics); only a user's template needs Handlebars.
 */
export function compileTemplate(mainPath: string): Render {
  return builtin(mainPath) ?? compileWithHandlebars(mainPath);
}

function builtin(mainPath: string): Render | undefined {
  const rel = relative(packagePath('templates'), mainPath);
  const [target, file, ...rest] = rel.split(/[\\/]/);
  const compiled = target !== undefined && file === 'main.hbs' && rest.length === 0 ? builtinTemplates[target] : undefined;
  return compiled?.(templateHelpers(), templateRuntime);
}

/** A template folder compiled by Handlebars at run time: a user's template (and, in tests, a built-in one, to compare). */
export function compileWithHandlebars(mainPath: string, { strictArguments: strict = true } = {}): Render {
  // The full compiler is loaded only here, for a user's own template.
  const handlebars = createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  const env = handlebars.create();
  for (const [name, helper] of Object.entries(templateHelpers())) env.registerHelper(name, atCall(helper));
  registerInline(env);
  const files = templateFiles(mainPath).map((path) => ({ path, text: readTemplateFile(path) }));
  const partials = new Set(files.slice(1).map((file) => basename(file.path, '.hbs')));
  for (const file of files) for (const name of inlinePartialNames(file.text)) partials.add(name);
  const helpers = Object.keys(env.helpers);
  const prepared = files.map((file) => {
    let template: Handlebars.TemplateDelegate | undefined;
    // Inside inFile, so that a syntax error or an unknown helper or partial names its file.
    const prepare = inFile(file, () => {
      const program = parseTemplate(handlebars, file.text);
      checkCalls(handlebars, program, { helpers, partials, missingPartial: (name) => missingPartial(name, file) });
      template = env.compile(strict ? strictArguments(handlebars, program) : program, compileOptions);
    });
    const render = inFile(file, (context: unknown, options?: Handlebars.RuntimeOptions) => (template as Handlebars.TemplateDelegate)(context, options));
    return { file, prepare, render };
  });
  for (const { file, render } of prepared.slice(1)) env.registerPartial(basename(file.path, '.hbs'), render);
  // Every file is parsed and checked before the first render, a partial no branch reaches yet too;
  // at the first render, not here, so that its errors are reported as a render's are.
  let ready = false;
  return (model, write) => {
    if (!ready) for (const { prepare } of prepared) prepare();
    ready = true;
    write((prepared[0] as (typeof prepared)[number]).render(model, runtimeOptions));
  };
}

function readTemplateFile(path: string): string {
  try {
    // Without an editor's byte order mark: it is not text of the template, would shift every
    // column of its first line in an error, and would open the generated file.
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${describeFsError(error)}`);
  }
}

/**
 * Strict mode checks a field printed as `{{name}}` but not one given to a helper, a block or a
 * partial: `{{#each aliasses}}` and `{{#if deprecatd}}` would render nothing. Marking those paths
 * strict makes a misspelt field fail there too; a field that is there but empty (`deprecated` of a
 * live code) is fine. Left as they were: `options.…`, as a template of your own may read options a
 * config does not set, and `….length`, which Handlebars' strict lookup cannot read on text.
 */
function strictArguments(handlebars: typeof Handlebars, program: hbs.AST.Program): hbs.AST.Program {
  const visitor = new handlebars.Visitor();
  const base = handlebars.Visitor.prototype;
  const mark = (node: hbs.AST.Expression) => {
    if (node.type !== 'PathExpression') return;
    const path = node as hbs.AST.PathExpression & { strict?: boolean };
    const parts = path.data && path.parts[0] === 'root' ? path.parts.slice(1) : path.parts;
    if (parts[0] === 'options' || parts[parts.length - 1] === 'length') return;
    path.strict = true;
  };
  // Each kind of node that takes arguments: marked, then walked as Handlebars' visitor walks it.
  type WithArguments = { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash };
  for (const kind of ['BlockStatement', 'MustacheStatement', 'SubExpression', 'PartialStatement'] as const) {
    const walk = base[kind] as (this: unknown, node: WithArguments) => void;
    (visitor as unknown as Record<typeof kind, typeof walk>)[kind] = function (node) {
      node.params.forEach(mark);
      node.hash?.pairs.forEach((pair) => mark(pair.value));
      walk.call(this, node);
    };
  }
  visitor.accept(program);
  return program;
}
