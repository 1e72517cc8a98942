import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * A path with every existing part resolved through symlinks, so that a link inside a folder that
 * points outside it is seen for where it really leads. Parts that do not exist yet are kept as written.
 * `known` remembers answers for one batch of checks (the targets of one command), which share their
 * folders; it is never kept longer, as a folder may become a symlink between two runs of --watch.
 */
export function realPathOf(path: string, known?: Map<string, string>): string {
  const absolute = resolve(path);
  const remembered = known?.get(absolute);
  if (remembered !== undefined) return remembered;
  let real: string | undefined;
  // existsSync first: a missing output folder is the usual case, and a throwing realpathSync costs an exception per level.
  if (existsSync(absolute)) {
    try {
      real = realpathSync(absolute);
    } catch {
      // unreadable: resolved through its parent, as a missing part is
    }
  }
  if (real === undefined) {
    const parent = dirname(absolute);
    real = parent === absolute ? absolute : join(realPathOf(parent, known), basename(absolute));
  }
  known?.set(absolute, real);
  return real;
}

/** Whether `path` is `folder` or inside it, after following symlinks. */
export function isInside(path: string, folder: string, known?: Map<string, string>): boolean {
  const rel = relative(realPathOf(folder, known), realPathOf(path, known));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
