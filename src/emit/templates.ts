import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import HandlebarsRuntime from 'handlebars/runtime';
import { packagePath } from '../package-root.js';
import { templateHelpers } from './helpers.js';
import { builtinTemplates } from './templates.generated.js';

export type Render = (model: object) => string;

/**
 * The options a user's template is compiled with: for code, not HTML. The built-in ones are
 * precompiled with these too, plus errgen's helpers as known helpers (scripts/precompile-templates.mjs).
 */
const compileOptions = { noEscape: true, strict: true } as const;
const runtimeOptions = { allowProtoPropertiesByDefault: false } as const;

/**
 * Compiles a target's main template; every other `.hbs` file in its folder is a partial, named by
 * its file name without `.hbs`. Each template gets an isolated environment with errgen's helpers,
 * no HTML escaping (each language's helpers escape) and strict mode (a missing field or misspelt
 * helper fails). Built-in templates come precompiled; only a user's template needs the compiler.
 */
export function compileTemplate(mainPath: string): Render {
  return precompiled(mainPath) ?? compileFromFiles(mainPath);
}

function precompiled(mainPath: string): Render | undefined {
  const rel = relative(packagePath('templates'), mainPath);
  const [target, file, ...rest] = rel.split(/[\\/]/);
  const specs = target !== undefined && file === 'main.hbs' && rest.length === 0 ? builtinTemplates[target] : undefined;
  if (!specs?.['main']) return undefined;
  const env = HandlebarsRuntime.create();
  env.registerHelper(templateHelpers());
  for (const [name, spec] of Object.entries(specs)) if (name !== 'main') env.registerPartial(name, env.template(spec));
  const template = env.template(specs['main']);
  return (model) => template(model, runtimeOptions);
}

function compileFromFiles(mainPath: string): Render {
  // The full compiler is loaded only here, for a user's own template.
  const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsRuntime;
  const env = Handlebars.create();
  env.registerHelper(templateHelpers());
  const dir = dirname(mainPath);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs') && join(dir, file) !== mainPath) env.registerPartial(basename(file, '.hbs'), env.compile(readFileSync(join(dir, file), 'utf8'), compileOptions));
  }
  const template = env.compile(readFileSync(mainPath, 'utf8'), compileOptions);
  return (model) => template(model, runtimeOptions);
}
