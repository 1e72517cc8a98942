import { readFile } from 'node:fs/promises';
import { readCatalog } from '../catalog/read.js';
import { generate, type ResolvedTarget } from '../emit/generate.js';
import { writeFileIfChanged } from '../io/files.js';
import { type Output, plural } from './output.js';

export interface GenerateOptions {
  readonly catalog: string;
  /** The catalog path as generated headers name it. */
  readonly source: string;
  readonly targets: readonly ResolvedTarget[];
  readonly dryRun: boolean;
}

/** Catalog → every target rendered in memory → written, each file only if its content changes. */
export async function generateCommand(options: GenerateOptions, output: Output): Promise<void> {
  const read = await readCatalog(options.catalog);
  const files = generate(
    { catalog: read.value, source: options.source, locate: (group, index) => read.locate(['groups', group, 'codes', index]) },
    options.targets,
  );
  let changed = 0;
  for (const [path, content] of files) {
    if (options.dryRun) {
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === content) continue;
      changed++;
      output.out(`would ${current === undefined ? 'create' : 'update'} ${path}`);
    } else if ((await writeFileIfChanged(path, content)) === 'written') {
      changed++;
      output.out(`wrote ${path}`);
    }
  }
  const verb = options.dryRun ? 'would change' : 'changed';
  output.out(`Generated ${plural(files.size, 'file')} from ${options.catalog}: ${changed} ${verb}, ${files.size - changed} up to date.`);
}
