import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/**
 * The installed package's root folder (where package.json, templates/ and schemas/ are),
 * found from this module whether it runs from src/ (tests) or from the dist/ bundle.
 */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('errgen: cannot find its own package.json');
    dir = parent;
  }
  return dir;
})();

export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
