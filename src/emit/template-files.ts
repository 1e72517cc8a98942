import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A user's template: its main file (named as the config names it), then every other `.hbs` file of
 * its folder, its partials. What renders it, what `--watch` watches and what the output record
 * digests are these files.
 */
export function templateFiles(mainPath: string): string[] {
  const dir = dirname(mainPath);
  const partials = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.hbs') && !entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .filter((path) => path !== mainPath);
  return [mainPath, ...partials];
}
