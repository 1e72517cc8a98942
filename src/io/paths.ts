import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * A path with every existing part resolved through symlinks, so that a link inside a folder that
 * points outside it is seen for where it really leads. Parts that do not exist yet are kept as written.
 */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/** Whether `path` is `folder` or inside it, after following symlinks. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(realPathOf(folder), realPathOf(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
