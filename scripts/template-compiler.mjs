// Compiles a built-in target's Handlebars templates (main.hbs and its partials) to one plain
// JavaScript function at build time. Handlebars' own precompiler emits code that runs through its
// runtime: a closure per block, an options object and a helper call per `#if`/`#each`, partials
// resolved by name. At 10,000 codes that runtime was most of `generate`. Here each block becomes a
// JavaScript `if` or `for` that appends to one string, with Handlebars' semantics kept exactly:
// - the options errgen compiles with: noEscape, strict (a missing field fails, naming it and its
//   line:column), knownHelpersOnly (a helper not in `helperNames` fails the build);
// - `#if`/`#unless` truthiness (empty lists are false, `includeZero`), `#each` over lists,
//   iterables and objects with `@index`/`@key`/`@first`/`@last` frames, `#with`, `{{else}}`
//   chains, `lookup`, `../` context depths, `@root`/`@../` data frames, partials with a context,
//   named arguments and standalone-line indentation, whitespace control (`~`);
// - names read as plain properties (an inherited one too, but for a mustache's last name, which
//   strict mode reads as Handlebars does): the view model has only own fields.
// Every function appends to one buffer shared by the whole render, so a loop can hand its text to
// the caller's `write` in pieces, in order, wherever it is nested: once it passes 16K characters, at
// the end of an iteration. Only an indented partial's text is held back whole, to be indented.
// One deliberate difference: output is always joined as text. Handlebars joins a block's outputs
// with `+`, so two numbers or booleans in a row with nothing between them (`{{a}}{{b}}`) are added
// (1 and 2 give "3"); here they give "12", as the template reads.
// Anything else (block params, decorators, partial blocks, dynamic partials, `log`) fails the
// build with its file, line and column: a template of errgen's never needs them.
// test/template-compiler.test.ts renders every built-in template both ways and compares.
import Handlebars from 'handlebars';

/**
 * JavaScript source of `(helpers, rt) => render`: `render(model, write)` hands the target's text to
 * `write` in order, in flat pieces of about `spillLength` characters. `files` maps a template's name
 * (file name without `.hbs`; `main` is the entry) to its source; `rt` is src/emit/template-runtime.ts.
 */
export function compileTarget(files, helperNames, label = 'template') {
  const names = Object.keys(files).sort();
  if (!names.includes('main')) throw new Error(`${label}: no main.hbs`);
  const partialIds = new Map(names.map((name, i) => [name, `t${i}`]));
  const known = new Set(helperNames);
  const usedHelpers = new Set();
  const functions = names.map((name) => {
    const file = `${label}/${name}.hbs`;
    const ast = parse(files[name], file);
    const unit = new TemplateUnit({ file, partialIds, known, usedHelpers });
    return unit.compile(partialIds.get(name), ast);
  });
  const helperBindings = [...usedHelpers].sort().flatMap((name) => [
    `  const ${helperVar(name)} = helper(helpers, ${JSON.stringify(name)});`,
    `  const ${helperVar(name)}_options = Object.freeze({ name: ${JSON.stringify(name)}, hash: Object.freeze({}) });`,
    `  const ${valuesVar(name)} = rt.withValues(${helperVar(name)}, ${helperVar(name)}_options);`,
  ]);
  return [
    '(helpers, rt) => {',
    '  const helper = rt.helper;',
    ...helperBindings,
    // The render's text not yet written; `held` > 0 while a partial's text is kept back to be indented.
    // One render at a time per compiled target: a `write` that rendered the same target again would
    // share them (nothing does; each render starts by resetting them).
    '  let o = "", held = 0, write = null;',
    ...functions.map((fn) => indent(fn, '  ')),
    '  return (model, to) => {',
    '    o = "";',
    '    held = 0;',
    '    write = to;',
    '    try {',
    `      ${partialIds.get('main')}(model, { root: model });`,
    '      if (o) write(o);',
    '    } finally {',
    '      o = "";',
    '      write = null;',
    '    }',
    '  };',
    '}',
  ].join('\n');
}

function parse(source, file) {
  try {
    return Handlebars.parse(source);
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
}

const helperVar = (name) => `h_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;
/** A helper's binding for calls with values alone, no named arguments (rt.withValues). */
const valuesVar = (name) => `v_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;
const indent = (text, by) => text.split('\n').map((line) => (line ? by + line : line)).join('\n');

/** One template file compiled to `function tN(c0, data) { … }`, appending its text to the render's `o`. */
class TemplateUnit {
  constructor({ file, partialIds, known, usedHelpers }) {
    Object.assign(this, { file, partialIds, known, usedHelpers });
    this.counter = 0;
    this.lines = [];
    this.depth = 1;
  }

  compile(id, program) {
    const ctx = 'c0';
    const depths = usesDepths(program) ? 'd0' : null;
    this.emit(`function ${id}(${ctx}, data) {`);
    this.depth++;
    this.emit('let v;');
    if (depths) this.emit(`const ${depths} = [${ctx}];`);
    this.program(program, { ctx, data: 'data', depths });
    this.depth--;
    this.emit('}');
    return this.lines.join('\n');
  }

  emit(line) {
    this.lines.push(`${'  '.repeat(this.depth - 1)}${line}`);
  }

  fresh(prefix) {
    return `${prefix}${++this.counter}`;
  }

  fail(node, message) {
    const at = node?.loc ? `:${node.loc.start.line}:${node.loc.start.column + 1}` : '';
    throw new Error(`${this.file}${at}: ${message} (not supported in a built-in template)`);
  }

  program(program, scope) {
    if (program.blockParams?.length) this.fail(program, 'block parameters (`as |x|`)');
    for (const statement of program.body) this.statement(statement, scope);
  }

  statement(node, scope) {
    switch (node.type) {
      case 'ContentStatement':
        if (node.value) this.emit(`o += ${JSON.stringify(node.value)};`);
        return;
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        this.emit(`v = ${this.mustache(node, scope)};`);
        this.emit('if (v != null) o += v;');
        return;
      case 'BlockStatement':
        return this.block(node, scope);
      case 'PartialStatement':
        return this.partial(node, scope);
      case 'PartialBlockStatement':
        return this.fail(node, 'a partial block');
      default:
        this.fail(node, node.type);
    }
  }

  /**
   * `{{x}}`: a helper call, or a field read strictly (its last name must be there, as a strict
   * template checks a mustache's own value) and called if it is a function.
   */
  mustache(node, scope) {
    if (node.path.type !== 'PathExpression') this.fail(node, 'a literal as a mustache');
    if (this.isHelperCall(node)) return this.helperCall(node, scope);
    const { parts, loc } = node.path;
    if (!parts.length) return `rt.called(${this.base(node.path, scope)}, ${scope.ctx})`;
    const object = this.read(node.path, parts.slice(0, -1), scope);
    return `rt.field(${object}, ${JSON.stringify(parts.at(-1))}, ${loc.start.line}, ${loc.start.column}, ${scope.ctx})`;
  }

  /** Handlebars' classifySexpr under knownHelpersOnly: a helper if it has arguments or is a known helper's simple name. */
  isHelperCall(node) {
    const path = node.path;
    if (node.type === 'SubExpression' || node.params.length || node.hash) return true;
    return isSimpleName(path) && (this.known.has(path.parts[0]) || builtinHelpers.has(path.parts[0]));
  }

  helperCall(node, scope) {
    const path = node.path;
    if (!isSimpleName(path)) this.fail(path, `a helper named by a path (${path.original})`);
    const name = path.parts[0];
    if (name === 'lookup') return `rt.lookup(${this.args(node, scope).join(', ')})`;
    if (builtinHelpers.has(name)) this.fail(path, `the ${name} helper outside a block`);
    if (!this.known.has(name)) this.fail(path, `the unknown helper ${name}`);
    this.usedHelpers.add(name);
    const args = this.args(node, scope);
    if (node.hash) return `${helperVar(name)}(${[...args, `{ name: ${JSON.stringify(name)}, hash: ${this.hash(node.hash, scope)}, data: ${scope.data} }`].join(', ')})`;
    // errgen's helpers read nothing of their options but `hash`: a call without named arguments goes
    // through rt.withValues, which calls a helper of fixed values directly and passes any other one
    // frozen options object per helper.
    return `${valuesVar(name)}(${args.join(', ')})`;
  }

  args(node, scope) {
    return node.params.map((param) => this.value(param, scope));
  }

  /** A named-argument object. Handlebars builds it from the last pair to the first; so does this, for the same key order. */
  hash(hash, scope) {
    if (!hash) return '{}';
    const pairs = [...hash.pairs].reverse().map((pair) => `${JSON.stringify(pair.key)}: ${this.value(pair.value, scope)}`);
    return `{ ${pairs.join(', ')} }`;
  }

  /** An argument: a literal, a subexpression, or a path read without the strict check. */
  value(node, scope) {
    switch (node.type) {
      case 'StringLiteral':
        return JSON.stringify(node.value);
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return String(node.value);
      case 'UndefinedLiteral':
        return 'undefined';
      case 'NullLiteral':
        return 'null';
      case 'SubExpression':
        return this.helperCall(node, scope);
      case 'PathExpression':
        return this.read(node, node.parts, scope);
      default:
        this.fail(node, node.type);
    }
  }

  /** Where a path starts: its context (`../` a surrounding one) or data frame (`@index`, `@root`, `@../index`). */
  base(path, scope) {
    if (path.data) return path.depth ? `rt.dataAt(${scope.data}, ${path.depth})` : scope.data;
    if (!path.depth) return scope.ctx;
    if (!scope.depths) throw new Error(`${this.file}: internal: no context depths where ${path.original} needs them`);
    return `${scope.depths}[${path.depth}]`;
  }

  /** `names` of a path read as plain properties from its base. */
  read(path, names, scope) {
    return names.reduce((object, name) => `${object}[${JSON.stringify(name)}]`, this.base(path, scope));
  }

  block(node, scope) {
    if (node.path.type !== 'PathExpression' || !isSimpleName(node.path)) this.fail(node, 'a block that is not #if, #unless, #each or #with');
    const name = node.path.parts[0];
    if (node.program?.blockParams?.length || node.inverse?.blockParams?.length) this.fail(node, 'block parameters (`as |x|`)');
    switch (name) {
      case 'if':
      case 'unless':
        return this.conditional(node, scope, name === 'unless');
      case 'each':
        return this.each(node, scope);
      case 'with':
        return this.with(node, scope);
      default:
        this.fail(node, `the block {{#${name}}}`);
    }
  }

  /** The context a block helper is called with (`this`): Handlebars gives an empty object for a missing one. */
  self(scope) {
    if (scope.notNull) return scope.ctx;
    const self = this.fresh('s');
    this.emit(`const ${self} = ${scope.ctx} != null ? ${scope.ctx} : rt.nullContext;`);
    return self;
  }

  /** The scope of a block's program run with context `ctx`: a new depth when the context changes, as Handlebars' wrapProgram does. */
  inner(scope, ctx, data, program, notNull) {
    if (!scope.depths || !usesDepths(program)) return { ctx, data, depths: null, notNull };
    const depths = this.fresh('d');
    this.emit(`const ${depths} = rt.depths(${ctx}, ${scope.depths});`);
    return { ctx, data, depths, notNull };
  }

  /** Runs `program` (if any) in a nested JavaScript block with context `ctx`, which `notNull` says is never null (a block's `self`). */
  nested(program, scope, ctx, { data = scope.data, notNull = true } = {}) {
    if (!program || !program.body.length) return;
    this.depth++;
    this.program(program, this.inner(scope, ctx, data, program, notNull));
    this.depth--;
  }

  /** Emits a JavaScript block `{ … }` around what `body` emits, for the block helper's own constants. */
  braced(body) {
    this.emit('{');
    this.depth++;
    body();
    this.depth--;
    this.emit('}');
  }

  conditional(node, scope, negate) {
    if (node.params.length !== 1) this.fail(node, `#${negate ? 'unless' : 'if'} with ${node.params.length} arguments`);
    this.braced(() => {
      const self = this.self(scope);
      const test = `rt.truthy(${this.value(node.params[0], scope)}, ${self}, ${this.includeZero(node, scope)})`;
      const [then, otherwise] = negate ? [node.inverse, node.program] : [node.program, node.inverse];
      this.emit(`if (${test}) {`);
      this.nested(then, scope, self);
      if (otherwise?.body.length) {
        this.emit('} else {');
        this.nested(otherwise, scope, self);
      }
      this.emit('}');
    });
  }

  includeZero(node, scope) {
    const pair = node.hash?.pairs.find((p) => p.key === 'includeZero');
    const others = node.hash?.pairs.filter((p) => p.key !== 'includeZero') ?? [];
    if (others.length) this.fail(others[0], `the argument ${others[0].key}= of #if/#unless`);
    return pair ? `Boolean(${this.value(pair.value, scope)})` : 'false';
  }

  each(node, scope) {
    if (node.params.length !== 1) this.fail(node, `#each with ${node.params.length} arguments`);
    if (node.hash) this.fail(node, 'named arguments to #each');
    const [list, values, keys, frame, i, n, item] = ['l', 'vs', 'ks', 'f', 'i', 'n', 'c'].map((p) => this.fresh(p));
    this.braced(() => {
      const self = this.self(scope);
      this.emit(`const ${list} = rt.called(${this.value(node.params[0], scope)}, ${self});`);
      this.emit(`const ${values} = rt.eachValues(${list});`);
      if (node.program?.body.length) { // none in `{{^each}}`
        // rt.frame copies root, key, index, first and last: the only data names a frame holds.
        this.emit(`const ${keys} = rt.eachKeys(${list}, ${values}), ${frame} = rt.frame(${scope.data});`);
        this.emit(`for (let ${i} = 0, ${n} = ${values}.length; ${i} < ${n}; ${i}++) {`);
        this.depth++;
        this.emit(`if (!(${i} in ${values})) continue;`);
        this.emit(`${frame}.key = ${keys} === null ? ${i} : ${keys}[${i}]; ${frame}.index = ${i}; ${frame}.first = ${i} === 0; ${frame}.last = ${i} === ${n} - 1;`);
        this.emit(`const ${item} = ${values}[${i}];`);
        this.depth--;
        this.nested(node.program, scope, item, { data: frame, notNull: false });
        // A long loop's text is written in flat pieces: appended piece by piece, it would be a rope of
        // millions of small strings, all kept alive (and copied by each garbage collection) until the end.
        this.emit(`  if (o.length > ${spillLength} && held === 0) { write(rt.flat(o)); o = ""; }`);
        this.emit('}');
      }
      if (node.inverse?.body.length) {
        this.emit(`if (${values}.length === 0) {`);
        this.nested(node.inverse, scope, self);
        this.emit('}');
      }
    });
  }

  with(node, scope) {
    if (node.params.length !== 1) this.fail(node, `#with with ${node.params.length} arguments`);
    if (node.hash) this.fail(node, 'named arguments to #with');
    const value = this.fresh('w');
    this.braced(() => {
      const self = this.self(scope);
      this.emit(`const ${value} = rt.called(${this.value(node.params[0], scope)}, ${self});`);
      this.emit(`if (!rt.isEmpty(${value})) {`);
      this.nested(node.program, scope, value, { notNull: false });
      if (node.inverse?.body.length) {
        this.emit('} else {');
        this.nested(node.inverse, scope, self);
      }
      this.emit('}');
    });
  }

  /** `{{> name [context] [key=value …]}}`: the partial's text, indented like its line when it stands alone on it. */
  partial(node, scope) {
    if (node.name.type === 'SubExpression') this.fail(node, 'a dynamic partial name');
    if (node.params.length > 1) this.fail(node, 'a partial with more than one context');
    const name = node.name.original;
    const id = this.partialIds.get(name);
    if (!id || name === 'main') this.fail(node, `the partial ${name}, which is not a .hbs file beside main.hbs`);
    let context = node.params.length ? this.value(node.params[0], scope) : scope.ctx;
    if (node.hash) context = `Object.assign({}, ${context}, ${this.hash(node.hash, scope)})`;
    const call = `${id}(${context}, ${scope.data});`;
    if (!node.indent) return this.emit(call);
    // Indenting needs the partial's whole text: it is kept back from `write` until then.
    const before = this.fresh('b');
    this.braced(() => {
      this.emit(`const ${before} = o;`);
      this.emit('o = "";');
      this.emit('held++;');
      this.emit(call);
      this.emit('held--;');
      this.emit(`o = ${before} + rt.indent(o, ${JSON.stringify(node.indent)});`);
    });
  }
}

/** How much text a loop gathers before writing it as one flat string. */
const spillLength = 16384;

/** Handlebars' own helpers, known to every template. */
const builtinHelpers = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);

/** A one-name path that is not `this.x`, `./x` or `../x`: what Handlebars may read as a helper. */
function isSimpleName(path) {
  return path.type === 'PathExpression' && path.parts.length === 1 && !path.data && !path.depth && !/^\.|this\b/.test(path.original);
}

/** Whether a program or any block inside it reads a surrounding context (`../`); partials count their own. */
function usesDepths(node) {
  let found = false;
  const visit = (n) => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    if (n.type === 'PathExpression' && n.depth > 0 && !n.data) found = true;
    for (const key of ['body', 'program', 'inverse', 'params', 'hash', 'pairs', 'value', 'path', 'name']) if (key in n) visit(n[key]);
  };
  visit(node);
  return found;
}
