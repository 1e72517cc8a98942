import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cacheDir, cacheFileName, checksum, commandOf, ranTheCommand, readCache, writeCache } from '../src/cli/boot.js';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

const posix = process.platform !== 'win32';
const debugLine = /^ERRGEN \d+: /;

/** Runs the CLI with its code cache in `dir` and NODE_DEBUG=errgen: what it printed, and what the cache did. */
function run(args: string[], dir: string, cwd = repoRoot) {
  const r = errgen(args, { cwd, env: { ERRGEN_CACHE_DIR: dir, NODE_DEBUG: 'errgen' } });
  const lines = r.stderr.split('\n');
  return {
    code: r.code,
    stdout: r.stdout,
    stderr: lines.filter((l) => !debugLine.test(l)).join('\n'),
    // The code cache's lines, not the output record's (test/output-record.test.ts), which shares its folder.
    cache: lines.filter((l) => debugLine.test(l)).map((l) => l.replace(debugLine, '')).filter((l) => l.startsWith('code cache')).join('\n'),
  };
}

const uncached = (args: string[], cwd = repoRoot) => {
  const r = errgen(args, { cwd, env: { ERRGEN_CACHE_DIR: 'off', NODE_DEBUG: 'errgen' } });
  return { code: r.code, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => !debugLine.test(l)).join('\n') };
};
const output = ({ code, stdout, stderr }: { code: number | null; stdout: string; stderr: string }) => ({ code, stdout, stderr });
const cacheName = /^[a-z]+-[0-9a-f]{16}-v[\d.]+-\w+\.cache$/;
/** Nothing in the folder but code caches, and the output records' folder. */
const onlyCacheFiles = (dir: string) => expect(readdirSync(dir).filter((f) => !cacheName.test(f) && f !== 'outputs')).toEqual([]);
const cacheFiles = (dir: string, command: string) => readdirSync(dir).filter((f) => f.startsWith(`${command}-`)).map((f) => join(dir, f));

describe('the CLI code cache', () => {
  it('is written by a first run, accepted by the next, which writes nothing; the output is the same with and without it', () => {
    const dir = join(tempDir(), 'cache'); // does not exist yet
    const expected = uncached(['--version']);
    expect(expected.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);

    const first = run(['--version'], dir);
    expect(output(first)).toEqual(expected);
    expect(first.cache).toMatch(/: none\n.*: written, \d+ bytes$/);
    const [file] = cacheFiles(dir, 'cli');
    expect(readdirSync(dir)).toEqual([file!.slice(dir.length + 1)]);
    if (posix) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(file!).mode & 0o777).toBe(0o600);
    }
    const before = statSync(file!);

    const second = run(['--version'], dir);
    expect(output(second)).toEqual(expected);
    expect(second.cache).toBe(`code cache ${file}: accepted`);
    const after = statSync(file!);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('has one cache per command, and generate writes the same files with a cold, a warm and no cache', () => {
    const project = tempDir();
    const dir = join(project, '.cache');
    copyFileSync(join(repoRoot, 'data/error-codes.md'), join(project, 'errors.md'));
    expect(run(['init', 'errors.md'], dir, project).code).toBe(0);

    const generated = () => {
      const out = join(project, 'generated');
      const files = Object.fromEntries(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort().map((f) => [f, statSync(join(out, f)).isFile() ? readFileSync(join(out, f), 'utf8') : '']));
      rmSync(out, { recursive: true });
      return files;
    };
    const off = uncached(['generate'], project);
    const offFiles = generated();
    expect(off.code).toBe(0);
    const cold = run(['generate'], dir, project);
    expect(cold.cache).toContain('written');
    const coldFiles = generated();
    const warm = run(['generate'], dir, project);
    expect(warm.cache).toMatch(/: accepted$/);
    expect([output(cold), output(warm)]).toEqual([output(off), output(off)]);
    expect([coldFiles, generated()]).toEqual([offFiles, offFiles]);

    run(['--help'], dir, project);
    const [help] = cacheFiles(dir, 'cli');
    const [generate] = cacheFiles(dir, 'generate');
    expect(cacheFiles(dir, 'init')).toHaveLength(1);
    // Written after the command ran: generate's holds the rendering code it compiled, --help's does not.
    expect(statSync(generate!).size).toBeGreaterThan(2 * statSync(help!).size);
    onlyCacheFiles(dir);
  });

  it('ignores a truncated, damaged, foreign or empty cache file, runs as without one and replaces it', () => {
    const dir = join(tempDir(), 'cache');
    const expected = uncached(['--help']);
    expect(run(['--help'], dir).cache).toContain('written');
    const [file] = cacheFiles(dir, 'cli');
    const good = readFileSync(file!);
    const flipped = Buffer.from(good);
    for (let i = flipped.length >> 1; i < (flipped.length >> 1) + 64; i++) flipped[i]! ^= 0xff;
    const foreign = new Script('40 + 2').createCachedData(); // a valid file, for another script: V8 rejects it
    const cases: [string, (f: string) => void, RegExp][] = [
      ['truncated', (f) => writeFileSync(f, good.subarray(0, good.length >> 1)), /: damaged, ignored\n.*: none\n/],
      ['bytes flipped', (f) => writeFileSync(f, flipped), /: damaged, ignored\n.*: none\n/],
      ['empty', (f) => writeFileSync(f, ''), /: damaged, ignored\n.*: none\n/],
      ['for another script', (f) => writeCache(f, foreign), /: rejected by V8\n/],
    ];
    for (const [what, damage, says] of cases) {
      damage(file!);
      const damaged = run(['--help'], dir);
      expect(output(damaged), what).toEqual(expected);
      expect(damaged.cache, what).toMatch(says);
      expect(damaged.cache, what).toMatch(/: written, \d+ bytes$/);
      expect(run(['--help'], dir).cache, what).toBe(`code cache ${file}: accepted`);
    }
    onlyCacheFiles(dir);
  });

  it('runs the same without a cache when the folder cannot be made, the file cannot be written, or it is off', () => {
    const root = tempDir();
    const expected = uncached(['--version']);
    writeFileSync(join(root, 'a-file'), '');
    const underAFile = join(root, 'a-file', 'cache');
    for (let i = 0; i < 2; i++) expect(output(run(['--version'], underAFile))).toEqual(expected);

    // The cache file's name is taken by a folder: reading and renaming onto it fail.
    const blocked = join(root, 'blocked');
    expect(run(['--version'], blocked).cache).toContain('written');
    const [file] = cacheFiles(blocked, 'cli');
    rmSync(file!);
    mkdirSync(file!);
    for (let i = 0; i < 2; i++) {
      const r = run(['--version'], blocked);
      expect(output(r)).toEqual(expected);
      expect(r.cache).not.toMatch(/accepted|written/);
    }
    expect(readdirSync(blocked)).toEqual([file!.slice(blocked.length + 1)]); // no temp file left

    const off = run(['--version'], 'off');
    expect(output(off)).toEqual(expected);
    expect(off.cache).toBe('code cache off: none');
    expect(run(['--version'], 'relative/cache').cache).toBe('code cache off (ERRGEN_CACHE_DIR must be an absolute path, not relative/cache): none');
  });

  // Node 20's mkdirSync(…, { recursive: true }) never returns there: a parent refuses new folders with ENOENT.
  it.runIf(existsSync('/proc/self'))('runs the same without a cache, and does not hang, when its folder is under /proc', () => {
    const r = errgen(['--version'], { env: { ERRGEN_CACHE_DIR: '/proc/errgen-test/cache' }, timeoutMs: 60_000 });
    expect(output(r)).toEqual(uncached(['--version']));
  });

  it.runIf(posix)('does not use a folder that other users can write to, not even a valid cache planted there', () => {
    const root = tempDir();
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const expected = uncached(['--version']);
    const first = run(['--version'], shared);
    expect(output(first)).toEqual(expected);
    expect(first.cache).toMatch(/: none$/);
    expect(readdirSync(shared)).toEqual([]);

    expect(run(['--version'], join(root, 'own')).cache).toContain('written');
    const [valid] = cacheFiles(join(root, 'own'), 'cli');
    const planted = join(shared, valid!.slice(join(root, 'own').length + 1));
    copyFileSync(valid!, planted);
    expect(readCache(valid!)).toBeDefined();
    expect(readCache(planted)).toBeUndefined();
    const second = run(['--version'], shared);
    expect(output(second)).toEqual(expected);
    expect(second.cache).toBe(`code cache folder ${shared} not used: other users can write to it\ncode cache ${planted}: none`);
  });

  it('leaves one valid cache file and no temp files after cold runs at the same time', async () => {
    const dir = join(tempDir(), 'cache');
    const expected = uncached(['--version']);
    const once = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [join(repoRoot, 'bin/errgen.js'), '--version'], { env: { ...process.env, ERRGEN_CACHE_DIR: dir } });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const results = await Promise.all([once(), once(), once(), once()]);
    expect(results).toEqual(Array(4).fill({ code: 0, stdout: expected.stdout }));
    expect(cacheFiles(dir, 'cli')).toHaveLength(1);
    onlyCacheFiles(dir);
    expect(run(['--version'], dir).cache).toMatch(/: accepted$/);
  });
});

describe('code cache files', () => {
  it('carry a checksum: what is written is read back, a changed byte is refused', () => {
    const file = join(tempDir(), 'cli-0123456789abcdef.cache');
    const data = Buffer.from(Array.from({ length: 999 }, (_, i) => (i * 37 + 11) & 0xff)); // the file format, not V8's data, is tested here
    writeCache(file, data);
    expect(readCache(file)).toEqual(data);
    const content = readFileSync(file);
    content[content.length - 1]! ^= 1;
    writeFileSync(file, content);
    expect(readCache(file)).toBeUndefined();
    expect(readCache(join(tempDir(), 'missing.cache'))).toBeUndefined();
  });

  it.runIf(posix)('are refused when other users can write to the file itself, in a folder that is safe', () => {
    const file = join(tempDir(), 'cli-0123456789abcdef.cache');
    writeCache(file, Buffer.from('valid data'));
    expect(readCache(file)).toEqual(Buffer.from('valid data'));
    chmodSync(file, 0o666);
    expect(readCache(file)).toBeUndefined();
  });

  it.runIf(posix)('are refused through a symlink, and a FIFO in their place does not block the read', () => {
    const dir = tempDir();
    const file = join(dir, 'cli-0123456789abcdef.cache');
    writeCache(file, Buffer.from('valid data'));
    const link = join(dir, 'cli-fedcba9876543210.cache');
    symlinkSync(file, link);
    expect(readCache(link)).toBeUndefined();
    const fifo = join(dir, 'cli-00000000000000ff.cache');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(readCache(fifo)).toBeUndefined();
  });

  it('keep the three newest per command when another is written, and drop stale temp files', () => {
    const dir = tempDir();
    const day = 24 * 3600;
    const now = Date.now() / 1000;
    const old = (name: string, daysAgo: number) => {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), now - daysAgo * day, now - daysAgo * day);
    };
    const build = (n: number) => String(n).repeat(16);
    for (let i = 1; i <= 4; i++) old(cacheFileName(build(i), 'generate'), i);
    old(cacheFileName(build(1), 'check'), 9);
    old(`${cacheFileName(build(9), 'generate')}.123.0badcafe.tmp`, 1); // a killed run's
    old(`${cacheFileName(build(8), 'generate')}.456.0badf00d.tmp`, 0); // a run writing now
    old('notes.txt', 99);
    writeCache(join(dir, cacheFileName(build(5), 'generate')), new Script('0').createCachedData());
    expect(readdirSync(dir).sort()).toEqual(
      [
        cacheFileName(build(5), 'generate'),
        cacheFileName(build(1), 'generate'),
        cacheFileName(build(2), 'generate'),
        cacheFileName(build(1), 'check'),
        `${cacheFileName(build(8), 'generate')}.456.0badf00d.tmp`,
        'notes.txt',
      ].sort(),
    );
  });

  it('are named by command, bundle, Node version and architecture', () => {
    const hash = '0123456789abcdef'.repeat(4);
    const name = cacheFileName(hash, 'generate', 'v20.20.2', 'x64');
    expect(name).toBe('generate-0123456789abcdef-v20.20.2-x64.cache');
    expect(cacheName.test(name)).toBe(true);
    expect(cacheFileName(hash, 'cli')).toBe(`cli-0123456789abcdef-${process.version}-${process.arch}.cache`);
  });

  it('have a checksum that changes with any one changed word or byte', () => {
    // Fixed bytes, not V8's output: that can be short (even empty) when V8 has the script compiled already.
    const data = Buffer.from(Array.from({ length: 1001 }, (_, i) => (i * 131 + 7) & 0xff));
    const sums = new Set([checksum(data)]);
    for (const at of [0, 3, data.length >> 1, data.length - 1]) {
      const changed = Buffer.from(data);
      changed[at]! ^= 0x10;
      sums.add(checksum(changed));
    }
    expect(sums.size).toBe(5);
    expect(checksum(data.subarray(1))).toBe(checksum(Buffer.from(data.subarray(1)))); // unaligned views too
  });
});

describe('the cache key and folder', () => {
  it('takes the command from the first argument that is not an option', () => {
    const cases: [string[], string][] = [
      [[], 'cli'],
      [['--help'], 'cli'],
      [['-V'], 'cli'],
      [['generate'], 'generate'],
      [['generate', '--help'], 'generate'],
      [['-c', 'errgen.config.yaml', 'check', '--format', 'json'], 'check'],
      [['--config', 'import', 'import'], 'import'],
      [['--config=x.yaml', 'init'], 'init'],
      [['help', 'generate'], 'cli'],
      [['genrate'], 'cli'],
      [['--', 'check'], 'check'],
    ];
    for (const [argv, command] of cases) expect([argv, commandOf(argv)]).toEqual([argv, command]);
  });

  it("is written only after a command did its work: not after `generate --help` or a usage error", () => {
    expect(ranTheCommand(['generate'], 0)).toBe(true);
    expect(ranTheCommand(['check'], 1)).toBe(true); // problems found: a full run
    expect(ranTheCommand(['generate', '--help'], 0)).toBe(false);
    expect(ranTheCommand(['import', '-h'], 0)).toBe(false);
    expect(ranTheCommand(['generate', '--catalog', 'missing.yaml'], 2)).toBe(false);
    expect(ranTheCommand(['check'], 70)).toBe(false);
    expect(ranTheCommand(['import', '--', '--help'], 0)).toBe(true); // after --, a file name
  });

  it('a command run with --help writes no cache, so the next real run writes the whole one', () => {
    const dir = join(tempDir(), 'cache');
    const help = run(['generate', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.cache).toMatch(/: none$/);
    expect(existsSync(dir)).toBe(false);
    const real = run(['generate', '--dry-run'], dir);
    expect(real.code).toBe(0);
    expect(real.cache).toMatch(/: none\n.*: written, \d+ bytes$/);
    expect(cacheFiles(dir, 'generate')).toHaveLength(1);
  });

  it('is $ERRGEN_CACHE_DIR, else the platform cache folder, and off with ERRGEN_CACHE_DIR=off', () => {
    const home = () => '/home/ada';
    expect(cacheDir({ ERRGEN_CACHE_DIR: '/var/cache/x', XDG_CACHE_HOME: '/xdg' }, 'linux', home)).toBe('/var/cache/x');
    expect(cacheDir({ ERRGEN_CACHE_DIR: 'off' }, 'linux', home)).toBeUndefined();
    expect(cacheDir({ ERRGEN_CACHE_DIR: 'relative/cache' }, 'linux', home)).toBeUndefined(); // not in every project's folder
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', home)).toBe(join('/xdg', 'errgen'));
    expect(cacheDir({ XDG_CACHE_HOME: 'relative' }, 'linux', home)).toBe(join('/home/ada', '.cache', 'errgen'));
    expect(cacheDir({ ERRGEN_CACHE_DIR: '' }, 'darwin', home)).toBe(join('/home/ada', '.cache', 'errgen'));
    expect(cacheDir({}, 'linux', () => '')).toBeUndefined();
    expect(cacheDir({}, 'linux', () => { throw new Error('no home'); })).toBeUndefined();
    expect(cacheDir({ LOCALAPPDATA: '/appdata', XDG_CACHE_HOME: '/xdg' }, 'win32', home)).toBe(join('/appdata', 'errgen', 'Cache'));
    expect(cacheDir({}, 'win32', home)).toBeUndefined();
  });
});
