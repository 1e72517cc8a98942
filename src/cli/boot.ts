import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, type Stats, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { makeFolders } from '../io/make-folders.js';
import { randomHex } from '../io/random-hex.js';

/**
 * Start-up for bin/errgen.js: runs the CLI bundle (dist/cli/main.cjs, one CommonJS file) through
 * `vm.Script` with a V8 code cache, so a run after the first one skips parsing and compiling most
 * of errgen. ES modules cannot use a code cache in Node 20; this is why the bundle is CommonJS.
 *
 * - A command line that runs no command (`cli`: --help, --version, a typo) loads dist/cli/cli.cjs, the
 *   same program built without the commands' modules; any other loads dist/cli/main.cjs.
 * - One cache file per command (`generate`, `import`, …; `cli` for --help, --version and the rest),
 *   keyed by the bundle (its build's hash, and its size and modification time), the Node version and
 *   the CPU architecture. It is written after the command has run, so it also holds the functions
 *   that were compiled lazily while it ran, and only when no cache was accepted: a warm run reads it
 *   and writes nothing.
 * - Where: $ERRGEN_CACHE_DIR, else $XDG_CACHE_HOME/errgen or ~/.cache/errgen (%LOCALAPPDATA%\errgen\Cache
 *   on Windows), created with mode 0700. A cache is code errgen runs, so a folder that others can
 *   write to (/tmp, mode 0777) or that belongs to another user is not used. ERRGEN_CACHE_DIR=off
 *   turns the cache off.
 * - A cache problem is never an error and prints nothing: errgen runs without it. A cache file carries
 *   a checksum of V8's data, checked before V8 sees it (V8 checks its header, not the payload, and a
 *   damaged payload can crash the process); a damaged or stale file is replaced (temp file + rename,
 *   so a concurrent run never reads half a file). Writing one also deletes the older cache files of
 *   that command beyond the three newest (each build of errgen has its own).
 * - `NODE_DEBUG=errgen` prints what the cache did, on stderr.
 * - Only cheap built-in modules here (no crypto, util or os): they are loaded on every run.
 */

/** Set by scripts/build.mjs: the SHA-256 of each bundle in dist/cli/, in hex. */
declare const ERRGEN_BUNDLE_HASHES: Readonly<Record<string, string>> | undefined;

export interface BootOptions {
  /** The CommonJS bundle exporting `run(argv): Promise<number>`. */
  readonly bundle?: string;
  /** Its hash, part of the cache key. */
  readonly bundleHash?: string;
  readonly env?: NodeJS.ProcessEnv;
}

const commands = new Set(['init', 'import', 'generate', 'check']);
const magic = 0x31434745; // "EGC1"
const headerLength = 8; // magic, checksum
/** Cache files kept per command when another is written: the newest ones. */
const keepPerCommand = 3;
const cacheName = /^([a-z]+)-[0-9a-f]{16}-[\w.-]+\.cache(\.\d+\.[0-9a-f]{8}\.tmp)?$/;
const debugging = /(?:^|[\s,])errgen(?:$|[\s,])/i.test(process.env['NODE_DEBUG'] ?? '');
/** Says what a cache did, on stderr, under NODE_DEBUG=errgen. */
export const debug = (message: string) => {
  if (!debugging) return;
  try {
    writeSync(2, `ERRGEN ${process.pid}: ${message}\n`);
  } catch {
    // stderr is closed: there is no one to tell
  }
};

/** Runs errgen with `argv` and returns its exit code. */
export async function boot(argv: readonly string[], options: BootOptions = {}): Promise<number> {
  const command = commandOf(argv);
  // A command line without a command (--help, --version) needs commander alone: the small bundle.
  const loaded = loadBundle(command === 'cli' ? 'cli.cjs' : 'main.cjs', command, options);
  const code = await loaded.exports.run!(argv, undefined, { identity: loaded.identity });
  if (loaded.cacheFile !== undefined && !loaded.cacheAccepted && ranTheCommand(argv, code)) writeCache(loaded.cacheFile, loaded.script.createCachedData());
  return code;
}

/**
 * Runs a thread of a command that renders its outputs in several threads (src/emit/output-threads.ts):
 * main.cjs, loaded as the command loaded it, with its code cache, which a thread only reads.
 */
export async function bootWorker(data: { readonly command: string }): Promise<void> {
  await loadBundle('main.cjs', data.command, {}).exports.runOutputWorker!(data);
}

interface BundleExports {
  run?: (argv: readonly string[], output: undefined, bundle: { identity?: string }) => Promise<number>;
  runOutputWorker?: (data: unknown) => Promise<void>;
}

/** A bundle of dist/cli/ run through `vm.Script` with the command's code cache, if there is one. */
function loadBundle(name: string, command: string, options: BootOptions): { exports: BundleExports; identity: string; script: Script; cacheFile: string | undefined; cacheAccepted: boolean } {
  const bundle = options.bundle ?? fileURLToPath(new URL(`./${name}`, import.meta.url));
  const bundleHash = options.bundleHash ?? (typeof ERRGEN_BUNDLE_HASHES === 'object' ? ERRGEN_BUNDLE_HASHES[name] : undefined) ?? '0'.repeat(16);
  const source = readFileSync(bundle, 'utf8');
  // The build, and the file as it is: a bundle patched after the build (patch-package) must not get
  // the old code from a code cache (V8 checks only the source's length), nor old outputs from an
  // output record (src/io/output-record.ts), which names errgen's code by this. Its size and
  // modification time tell a patched file, as Python's bytecode caches do: a checksum of its
  // megabyte would cost ~10 ms here, where nothing is compiled yet.
  const { size, mtimeMs } = statSync(bundle);
  const identity = `${bundleHash.slice(0, 8)}${checksum(Buffer.from(`${size}:${mtimeMs}`)).toString(16).padStart(8, '0')}`;
  const dir = cacheDir(options.env ?? process.env);
  const cacheFile = dir === undefined ? undefined : join(dir, cacheFileName(identity, command));
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const cacheAccepted = cachedData !== undefined && !script.cachedDataRejected;
  debug(`code cache ${cacheFile ?? `off${offReason(options.env ?? process.env)}`}: ${cacheAccepted ? 'accepted' : cachedData ? 'rejected by V8' : 'none'}`);
  const module = { exports: {} as BundleExports };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, identity, script, cacheFile, cacheAccepted };
}

/**
 * Whether a command's run did its work, so that its code cache holds what the next runs need: not
 * `generate --help`, nor a run stopped by a usage or configuration error (exit 2), whose cache would
 * be accepted from then on yet hold little of the command. (Exit 1, problems found in the input, is
 * a full run: `check` finding errors, for one.) A command line without a command (`cli`: --help,
 * --version, a typo) always writes its small cache.
 */
export function ranTheCommand(argv: readonly string[], code: number): boolean {
  if (commandOf(argv) === 'cli') return true;
  if (code !== 0 && code !== 1) return false;
  const end = argv.indexOf('--');
  return !(end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '-h' || arg === '--help' || arg === '-V' || arg === '--version');
}

/** The cache's name for a command line: the command, when it is first; else `cli` (--help, --version, typos). */
export function commandOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-c' || arg === '--config') i++; // the option's value
    else if (arg === '--') return commandIn(argv[i + 1]);
    else if (!arg.startsWith('-')) return commandIn(arg);
  }
  return 'cli';
}

const commandIn = (arg: string | undefined) => (arg !== undefined && commands.has(arg) ? arg : 'cli');

/** The cache folder, or undefined when the cache is off or there is nowhere to put it. */
export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  const own = env['ERRGEN_CACHE_DIR'];
  // Only an absolute path: a relative one would put the cache (code errgen runs) in each project.
  if (own !== undefined && own !== '') return own !== 'off' && isAbsolute(own) ? own : undefined;
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'];
    return local && isAbsolute(local) ? join(local, 'errgen', 'Cache') : undefined;
  }
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'errgen');
  try {
    const dir = home();
    return dir && isAbsolute(dir) ? join(dir, '.cache', 'errgen') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether errgen's cache folder may hold a cache in a folder of its own (output records): it is not
 * there yet (writing makes it, mode 0700), or only this user can write to it. Else another could
 * swap that inner folder.
 */
export function cacheFolderUsable(dir: string): boolean {
  try {
    const unsafe = unsafeFolderReason(dir);
    if (unsafe !== undefined) debug(`cache folder ${dir} not used: ${unsafe}`);
    return unsafe === undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Why cacheDir gave no folder, for NODE_DEBUG. */
function offReason(env: NodeJS.ProcessEnv): string {
  const own = env['ERRGEN_CACHE_DIR'];
  if (own === 'off') return '';
  if (own) return ` (ERRGEN_CACHE_DIR must be an absolute path, not ${own})`;
  return ' (no home or cache folder to put it in)';
}

/** $HOME, as os.homedir() returns it when set; node:os is loaded only when it is not. */
const homedir = () => process.env['HOME'] || (createRequire(import.meta.url)('node:os') as typeof import('node:os')).homedir();

/** `<command>-<bundle hash, 16 hex>-<Node version>-<arch>.cache`, e.g. `generate-0c1d…-v20.20.2-x64.cache`. */
export function cacheFileName(bundleHash: string, command: string, version = process.version, arch = process.arch): string {
  return `${command}-${bundleHash.slice(0, 16)}-${version}-${arch}.cache`;
}

/** V8's data from a cache file, or undefined when it is missing, damaged, or it or its folder is unsafe (not only the user's). */
export function readCache(file: string, what = 'code cache'): Buffer | undefined {
  let fd: number | undefined;
  try {
    const unsafe = unsafeFolderReason(dirname(file));
    if (unsafe !== undefined) {
      debug(`${what} folder ${dirname(file)} not used: ${unsafe}`);
      return undefined;
    }
    // The file as opened must be ours too: the folder could be swapped for another after its check.
    // Not blocking on a FIFO planted there, nor following a symlink.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
    const unsafeFile = unsafeReason(fstatSync(fd), 'file');
    if (unsafeFile !== undefined) {
      debug(`${what} ${file} not used: ${unsafeFile}`);
      return undefined;
    }
    const content = readFileSync(fd);
    const data = content.subarray(headerLength);
    if (content.length > headerLength && content.readUInt32LE(0) === magic && content.readUInt32LE(4) === checksum(data)) return data;
    debug(`${what} ${file}: damaged, ignored`);
  } catch {
    // missing or unreadable: run without it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return undefined;
}

/**
 * Writes data to a cache file atomically; never throws. Then deletes old cache files in the folder:
 * those of the same kind (`<kind>-…`) beyond the `keep` newest. `what` names it for NODE_DEBUG.
 */
export function writeCache(file: string, data: Buffer, { keep = keepPerCommand, what = 'code cache' } = {}): void {
  const dir = dirname(file);
  const temp = `${file}.${process.pid}.${randomHex()}.tmp`;
  try {
    // Never create folders in someone else's: under `sudo -E`, ~/.cache would become root's.
    const parent = nearestExisting(dir);
    if (!ownedByMe(parent)) return debug(`${what} not written: ${parent} is not yours (under sudo?)`);
    makeFolders(dir, 0o700);
    if (unsafeFolderReason(dir) !== undefined) return;
    const header = Buffer.alloc(headerLength);
    header.writeUInt32LE(magic, 0);
    header.writeUInt32LE(checksum(data), 4);
    writeFileSync(temp, Buffer.concat([header, data]), { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    debug(`${what} ${file}: written, ${data.length} bytes`);
  } catch (error) {
    // EEXIST: the name is another run's temp file (wx refused it), which is not ours to delete.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') remove(temp);
    return;
  }
  prune(dir, keep);
}

/**
 * FNV-1a over 32-bit words, then the bytes left over: catches a damaged file, which is all it is for
 * (whoever can write to the folder can run code anyway; see unsafeFolderReason). A few times faster to get
 * than a SHA-256, as node:crypto alone takes longer to load than this takes on a 1 MB cache.
 */
export function checksum(data: Uint8Array): number {
  const bytes = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193);
  for (let i = words.length << 2; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/** The folder itself, or its closest ancestor that exists. */
function nearestExisting(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    try {
      statSync(at);
      return at;
    } catch {
      if (dirname(at) === at) return at;
    }
  }
}

function ownedByMe(path: string): boolean {
  return process.getuid === undefined || statSync(path).uid === process.getuid();
}

/** Why a folder is not one only this user can write to, or undefined if it is (on Windows: any folder is). */
function unsafeFolderReason(dir: string): string | undefined {
  return unsafeReason(statSync(dir), 'folder');
}

function unsafeReason(st: Stats, kind: 'file' | 'folder'): string | undefined {
  if (kind === 'folder' ? !st.isDirectory() : !st.isFile()) return `it is not a ${kind}`;
  if (process.getuid === undefined) return undefined;
  if (st.uid !== process.getuid()) return 'it belongs to another user';
  return (st.mode & 0o022) === 0 ? undefined : 'other users can write to it';
}

/**
 * Keeps the `keep` newest cache files of each command (each errgen build has its own, so a
 * folder shared by a few installs keeps theirs, and one upgraded many times stays small) and deletes
 * temp files that a killed run left behind.
 */
function prune(dir: string, keep: number): void {
  try {
    const now = Date.now();
    const byCommand = new Map<string, { path: string; mtime: number }[]>();
    for (const name of readdirSync(dir)) {
      const match = cacheName.exec(name);
      if (!match) continue;
      const path = join(dir, name);
      const mtime = statSync(path).mtimeMs;
      if (match[2]) {
        if (now - mtime > 3600_000) remove(path); // a run still writing its temp file is seconds old
        continue;
      }
      const files = byCommand.get(match[1]!) ?? [];
      files.push({ path, mtime });
      byCommand.set(match[1]!, files);
    }
    for (const files of byCommand.values()) {
      for (const { path } of files.sort((a, b) => b.mtime - a.mtime).slice(keep)) remove(path);
    }
  } catch {
    // pruning is best effort
  }
}

function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // left for a later prune
  }
}
