import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { templateHelpers } from './helpers.js';

export type Render = (model: object) => string;

/**
 * A Handlebars environment made for code, not HTML: isolated from the global instance, no HTML
 * escaping (each language's helpers escape), strict (a missing field or misspelt helper fails).
 */
function environment(): typeof Handlebars {
  const env = Handlebars.create();
  env.registerHelper(templateHelpers());
  return env;
}

/**
 * Compiles a target's main template. Every other `.hbs` file in its folder is a partial, named
 * by its file name without `.hbs`.
 */
export function compileTemplate(mainPath: string): Render {
  const env = environment();
  const dir = dirname(mainPath);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs') && join(dir, file) !== mainPath) env.registerPartial(basename(file, '.hbs'), readFileSync(join(dir, file), 'utf8'));
  }
  const template = env.compile(readFileSync(mainPath, 'utf8'), { noEscape: true, strict: true, preventIndent: false });
  return (model) => template(model, { allowProtoPropertiesByDefault: false });
}
