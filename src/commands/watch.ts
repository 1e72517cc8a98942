import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Output } from './output.js';

/** A file whose change triggers a run, or a folder where any file with a name ending so does (a new partial). */
export type Watched = string | { readonly folder: string; readonly suffix: string };

export interface WatchOptions {
  /** What triggers a run (the catalog, the config, your templates and their folders). */
  readonly files: () => Promise<readonly Watched[]>;
  /** One generate run; its errors are reported and watching goes on. */
  readonly run: () => Promise<void>;
  readonly report: (error: unknown) => void;
}

const settleMs = 100;

/**
 * Runs, then runs again whenever a watched file changes, until SIGINT or SIGTERM. Folders are
 * watched rather than files because editors and errgen itself replace files by renaming.
 */
export async function watchAndRun(options: WatchOptions, output: Output): Promise<void> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let stopping = false;

  const runOnce = async (): Promise<void> => {
    try {
      await options.run();
    } catch (error) {
      options.report(error);
    }
    // A stop that came during the run: opening watchers now would keep the process alive.
    if (stopping) return;
    // The old watchers stay open until the new ones are: a change made while this run was
    // working (or re-arming) still schedules the next run instead of being lost.
    const previous = watchers;
    const next = await arm();
    if (stopping) {
      next.forEach((w) => w.close());
      return;
    }
    watchers = next;
    previous.forEach((w) => w.close());
    output.out('Watching for changes (Ctrl-C to stop)…');
  };
  const arm = async (): Promise<FSWatcher[]> => watchFiles(await options.files().catch(() => []), schedule);
  const schedule = (): void => {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(runOnce);
    }, settleMs);
  };

  // Watching from before the first run: a change made while it works (or right after it reports an
  // error, such as writing the partial it asked for) is not lost before its watchers are armed.
  watchers = await arm();
  running = runOnce();
  await new Promise<void>((stop) => {
    const end = () => {
      stopping = true;
      clearTimeout(timer);
      watchers.forEach((w) => w.close());
      void running.then(() => stop());
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
}

async function watchFiles(watched: readonly Watched[], onChange: () => void): Promise<FSWatcher[]> {
  const byFolder = new Map<string, { names: Set<string>; suffixes: Set<string> }>();
  const folderOf = (folder: string) => {
    let entry = byFolder.get(folder);
    if (!entry) byFolder.set(folder, (entry = { names: new Set(), suffixes: new Set() }));
    return entry;
  };
  for (const item of watched) {
    if (typeof item === 'string') folderOf(dirname(resolve(item))).names.add(basename(item));
    else folderOf(resolve(item.folder)).suffixes.add(item.suffix);
  }
  return [...byFolder].flatMap(([folder, { names, suffixes }]) => {
    const matches = (name: string) => names.has(name) || [...suffixes].some((suffix) => name.endsWith(suffix));
    try {
      return [watch(folder, (_event, name) => (name === null || matches(name.toString()) ? onChange() : undefined))];
    } catch {
      return []; // a folder that vanished: the next run reports the missing file
    }
  });
}
