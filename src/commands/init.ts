import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../diagnostics.js';
import { builtinTargets } from '../emit/targets.js';
import { writeFileIfChanged } from '../io/files.js';
import { schemaComment } from '../yaml/schema.js';
import { importCommand } from './import.js';
import type { Output } from './output.js';
import type { FieldName } from '../markdown/columns.js';

export interface InitOptions {
  /** Markdown pages to import; none → an example catalog. */
  readonly sources: readonly string[];
  readonly config: string;
  readonly catalog: string;
  readonly outDir: string;
  /** Header names of the pages' columns beside the built-in ones (--header), for the import and the config. */
  readonly headers: Partial<Record<FieldName, readonly string[]>>;
}

/** A catalog to start from when there is no Markdown yet: shows the fields people add by hand too. */
const exampleCatalog = `groups:
  - title: General
    codes:
      - code: INVALID_ARGUMENT
        status: 400
        message: A parameter is missing or malformed
        solution: Check the request against the API reference
      - code: NOT_FOUND
        status: 404
        message: The resource does not exist
        solution: Check the identifier
        description: Also returned when the caller may not know that the resource exists.
      - code: RATE_LIMITED
        status: 429
        message: Too many requests
        solution: Retry after the time given in the Retry-After header
`;

/** Scaffolds errgen in a repository: a config naming every built-in target, and a catalog. */
export async function initCommand(options: InitOptions, output: Output): Promise<void> {
  if (existsSync(options.config)) {
    throw new UsageError(`${options.config} already exists; edit it, or remove it to start again`);
  }
  for (const source of options.sources) {
    // A missing page is an input problem (exit 1), as it is for import.
    if (!existsSync(source)) throw new InputError(`cannot find the Markdown file ${source}: give the path of your error-code page, or run init without it for an example catalog`);
  }
  const catalogExists = existsSync(options.catalog);
  if (options.sources.length > 0) {
    // Into a catalog that is there, as `errgen import` does: what it holds is kept, and a code the
    // pages do not have is listed (it may be the example's). Without the import, the config would
    // name pages the catalog knows nothing of, and check would report every row as drift.
    if (catalogExists) output.out(`${options.catalog} already exists: the pages are imported into it, keeping what it holds`);
    await importCommand({ sources: options.sources, catalog: options.catalog, prune: false, headers: options.headers }, output);
  } else if (catalogExists) {
    output.out(`kept ${options.catalog}: it already exists`);
  } else {
    await writeFileIfChanged(options.catalog, `#${schemaComment(options.catalog, 'catalog')}\n${exampleCatalog}`);
    // Importing into it would keep the example's codes, or (with --prune) the example's fields on a code
    // your page has too (NOT_FOUND's description); and check would not know the page: say both.
    output.out(`wrote ${options.catalog} (an example: to start from your page instead, delete ${options.catalog}, run \`errgen import <your page.md>\` and name the page under \`sources\` in ${options.config})`);
  }
  await writeFileIfChanged(options.config, configText(options));
  output.out(`wrote ${options.config}`);
  output.out('Next: `errgen generate` writes every target, `errgen check` runs in CI (see the README).');
}

/** The --header names, so that import and check read the pages as init did. JSON strings are YAML flow scalars. */
function headerLines(headers: InitOptions['headers']): string[] {
  const fields = Object.entries(headers).flatMap(([field, names]) => (names && names.length > 0 ? [`  ${field}: [${names.map((n) => JSON.stringify(n)).join(', ')}]`] : []));
  if (fields.length === 0) return [];
  return ['# Header names of your pages\' columns, beside the built-in ones.', 'headers:', ...fields];
}

function configText(options: InitOptions): string {
  const lines = [
    `#${schemaComment(options.config, 'config')}`,
    '# errgen: Markdown error-code tables → this catalog → code and docs. Paths are relative to this file.',
    ...(options.sources.length > 0 ? ['sources:', ...options.sources.map((s) => `  - ${s}`)] : ['# sources: [docs/error-codes.md]   # Markdown pages to import and to check for drift']),
    ...headerLines(options.headers),
    `catalog: ${options.catalog}`,
    `outDir: ${options.outDir}`,
    '# Every built-in target with its default output; delete what you do not need, set options per target.',
    'targets:',
    ...builtinTargets.map((t) => `  ${t.name}:`),
    '# Lint rules of `errgen check`: off, warn or error.',
    'lint:',
    '  rules: {}',
    '',
  ];
  return lines.join('\n');
}
