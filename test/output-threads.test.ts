// Outputs rendered in several threads (src/emit/output-threads.ts) come out as one thread renders
// them: the same bytes, the same report, the same failure, and nothing left behind. ERRGEN_THREADS
// asks for threads whatever the catalog's size; NODE_DEBUG=errgen says how many ran and what each of
// the other threads rendered. ERRGEN_TEST_OUTPUTS_IN_WORKERS=1 leaves every output to the other
// threads (the main thread would render a small catalog's all before they start).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimOrder, firstError, outputThreads, type WorkerReport, worthJoining } from '../src/emit/output-threads.js';
import { InputError } from '../src/diagnostics.js';
import type { PendingOutput, ResolvedTarget } from '../src/emit/generate.js';
import { builtinTemplatePath } from '../src/emit/targets.js';
import { type CliResult, errgen, repoRoot, tempDir } from './helpers/cli.js';

/** The project's own data and config (every built-in target, two locales) in a fresh folder. */
function seedProject(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(repoRoot, 'errgen.config.yaml'), join(dir, 'errgen.config.yaml'));
  return dir;
}

/** Every file under `dir`, by path relative to it, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

/** Every file and folder under `dir`, relative to it: a failed run leaves no folder it created either. */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

const inThreads = (threads: number) => ({ ERRGEN_THREADS: String(threads), NODE_DEBUG: 'errgen', ERRGEN_TEST_OUTPUTS_IN_WORKERS: '1' });
/** The outputs NODE_DEBUG says another thread rendered. */
const renderedElsewhere = (result: CliResult) => [...result.stderr.matchAll(/: (\S+) rendered in another thread$/gm)].map((m) => m[1]).sort();
/** stderr without NODE_DEBUG's lines. */
const said = (result: CliResult) => result.stderr.replace(/^ERRGEN \d+: .*\n/gm, '');

describe('outputs rendered in several threads', () => {
  it('are written byte for byte as one thread writes them, and reported alike', () => {
    const one = seedProject();
    const three = seedProject();
    const alone = errgen(['generate'], { cwd: one, env: { ERRGEN_THREADS: '1', NODE_DEBUG: 'errgen' } });
    const threaded = errgen(['generate'], { cwd: three, env: inThreads(3) });
    expect(alone.code).toBe(0);
    expect(threaded.code).toBe(0);
    expect(alone.stderr).not.toContain('threads');
    expect(threaded.stderr).toContain('generate: outputs rendered in 3 threads');
    expect(said(threaded)).toBe('');
    expect(renderedElsewhere(threaded)).toHaveLength(16);
    // The same files, said in the same (output) order, whichever thread wrote which.
    expect(threaded.stdout).toBe(alone.stdout);
    expect(threaded.stdout).toContain('Generated 16 files from data/errors.yaml: 16 changed, 0 up to date.');
    const written = files(join(three, 'generated'));
    expect([...written.keys()].sort()).toEqual([...files(join(one, 'generated')).keys()].sort());
    for (const [path, bytes] of files(join(one, 'generated'))) expect(written.get(path)?.equals(bytes), path).toBe(true);
    // …which are the project's committed outputs.
    for (const [path, bytes] of files(join(repoRoot, 'generated'))) expect(written.get(path)?.equals(bytes), path).toBe(true);
    expect([...written.keys()].filter((path) => path.endsWith('.tmp'))).toEqual([]);

    const again = errgen(['generate'], { cwd: three, env: { ...inThreads(3), ERRGEN_CACHE_DIR: 'off' } });
    expect(again.stdout).toBe('Generated 16 files from data/errors.yaml: 0 changed, 16 up to date.\n');
  });

  it('are checked alike: the same findings, in the same order', () => {
    const dir = seedProject();
    expect(errgen(['generate'], { cwd: dir, env: { ERRGEN_THREADS: '1' } }).code).toBe(0);
    writeFileSync(join(dir, 'generated/go/errcodes/errcodes.go'), `${readFileSync(join(dir, 'generated/go/errcodes/errcodes.go'), 'utf8')}// edited by hand\n`);
    writeFileSync(join(dir, 'generated/rust/error_codes.rs'), 'pub const X: u8 = 1;\n');
    const alone = errgen(['check', '--format', 'json'], { cwd: dir, env: { ERRGEN_THREADS: '1', ERRGEN_CACHE_DIR: 'off' } });
    const threaded = errgen(['check', '--format', 'json'], { cwd: dir, env: { ...inThreads(3), ERRGEN_CACHE_DIR: 'off' } });
    // The main thread takes what is left once it has linted: whichever outputs those are, the same report.
    const sharing = errgen(['check', '--format', 'json'], { cwd: dir, env: { ERRGEN_THREADS: '2', NODE_DEBUG: 'errgen', ERRGEN_CACHE_DIR: 'off' } });
    expect(threaded.stderr).toContain('check: outputs rendered in 3 threads');
    expect(sharing.stderr).toContain('check: outputs rendered in 2 threads');
    expect(renderedElsewhere(threaded)).toHaveLength(16);
    expect(threaded.code).toBe(1);
    expect(alone.code).toBe(1);
    expect(sharing.code).toBe(1);
    expect(threaded.stdout).toBe(alone.stdout);
    expect(sharing.stdout).toBe(alone.stdout);
    const drifted = (JSON.parse(threaded.stdout) as { findings: Array<{ rule: string; file: string }> }).findings.filter((f) => f.rule === 'artifact-drift');
    expect(drifted.map((f) => f.file)).toEqual(['generated/go/errcodes/errcodes.go', 'generated/rust/error_codes.rs']);
  });

  it('fail as one thread fails, at the first failing output in the order threads take them, writing nothing', () => {
    const config = `catalog: data/errors.yaml
outDir: out
targets:
  go:
  first:
    template: bad/first.hbs
    output: first.txt
  json:
  second:
    template: bad/second.hbs
    output: second.txt
`;
    const runs = [1, 3].map((threads) => {
      const dir = seedProject();
      writeFileSync(join(dir, 'errgen.config.yaml'), config);
      mkdirSync(join(dir, 'bad'));
      writeFileSync(join(dir, 'bad/first.hbs'), '// Generated by errgen\n{{#each codes}}{{nope}}{{/each}}\n');
      writeFileSync(join(dir, 'bad/second.hbs'), '// Generated by errgen\n{{#each codes}}{{alsoNot}}{{/each}}\n');
      return { dir, result: errgen(['generate'], { cwd: dir, env: inThreads(threads) }) };
    });
    const [alone, threaded] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(threaded.result.stderr).toContain('outputs rendered in 3 threads');
    expect(alone.result.code).toBe(2);
    expect(threaded.result.code).toBe(2);
    expect(said(alone.result)).toContain('bad/first.hbs:2:');
    expect(said(threaded.result)).toBe(said(alone.result));
    // Nothing moved into place, nothing staged left behind, nor a folder made for it, by any thread.
    for (const { dir } of runs) expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('fail check as one thread fails, at the first failing output in the order threads take them', () => {
    const config = `catalog: data/errors.yaml
outDir: out
targets:
  first:
    template: bad/first.hbs
    output: first.txt
  go:
  second:
    template: bad/second.hbs
    output: second.txt
`;
    const runs = [{ ERRGEN_THREADS: '1' }, inThreads(3), { ERRGEN_THREADS: '2', NODE_DEBUG: 'errgen' }].map((env) => {
      const dir = seedProject();
      writeFileSync(join(dir, 'errgen.config.yaml'), config);
      mkdirSync(join(dir, 'bad'));
      writeFileSync(join(dir, 'bad/first.hbs'), '// Generated by errgen\n{{#each codes}}{{nope}}{{/each}}\n');
      writeFileSync(join(dir, 'bad/second.hbs'), '// Generated by errgen\n{{#each codes}}{{alsoNot}}{{/each}}\n');
      return errgen(['check'], { cwd: dir, env: { ...env, ERRGEN_CACHE_DIR: 'off' } });
    });
    const [alone, ...threaded] = runs as [CliResult, ...CliResult[]];
    expect(alone.code).toBe(2);
    expect(said(alone)).toContain('bad/first.hbs:2:');
    for (const result of threaded) {
      expect(result.code).toBe(2);
      expect(said(result)).toBe(said(alone));
      expect(result.stdout).toBe(alone.stdout);
    }
  });

  it('report, of two failing outputs, the one taken first (the heavier target), with threads or without', () => {
    // go (a heavy target) is taken before a template of yours, though listed after it; its staged
    // file's name is too long for the file system.
    const long = 'x'.repeat(240);
    const config = `catalog: data/errors.yaml\noutDir: out\ntargets:\n  first:\n    template: bad/first.hbs\n    output: first.txt\n  go:\n    output: ${long}.go\n`;
    const runs = [{ ERRGEN_THREADS: '1' }, inThreads(3), { ERRGEN_THREADS: '2', NODE_DEBUG: 'errgen' }].map((env) => {
      const dir = seedProject();
      writeFileSync(join(dir, 'errgen.config.yaml'), config);
      mkdirSync(join(dir, 'bad'));
      writeFileSync(join(dir, 'bad/first.hbs'), '// Generated by errgen\n{{#each codes}}{{nope}}{{/each}}\n');
      return { dir, result: errgen(['generate'], { cwd: dir, env }) };
    });
    for (const { dir, result } of runs) {
      expect(said(result)).toBe(`errgen: cannot write out/${long}.go: the path is too long\n`);
      expect(result.code).toBe(1);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });

  it('refuse a file errgen did not write as one thread does, and leave none of their staged files', () => {
    const runs = [1, 3].map((threads) => {
      const dir = seedProject();
      mkdirSync(join(dir, 'generated/json'), { recursive: true });
      writeFileSync(join(dir, 'generated/json/errors.json'), '{"mine": true}\n');
      return { dir, result: errgen(['generate'], { cwd: dir, env: inThreads(threads) }) };
    });
    const [alone, threaded] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(threaded.result.code).toBe(2);
    expect(said(threaded.result)).toBe(said(alone.result));
    expect(said(threaded.result)).toContain('errgen: nothing was written: 1 output path cannot be used');
    for (const { dir } of runs) expect(entries(join(dir, 'generated'))).toEqual(['json', 'json/errors.json']);
  });

  it('stop at an identifier clash before any output, as one thread does', () => {
    const runs = [1, 3].map((threads) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: Errors\n    codes:\n      - { code: NOT_FOUND, status: 404, message: Not found, solution: "" }\n      - { code: not_found, status: 404, message: Also not found, solution: "" }\n');
      writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  go:\n  json:\n');
      return { dir, generated: errgen(['generate'], { cwd: dir, env: inThreads(threads) }), checked: errgen(['check', '--format', 'json'], { cwd: dir, env: inThreads(threads) }) };
    });
    const [alone, threaded] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(alone.generated.code).toBe(1);
    expect(said(alone.generated)).toContain('both become the go identifier CodeNotFound');
    expect(threaded.generated.code).toBe(1);
    expect(said(threaded.generated)).toBe(said(alone.generated));
    expect(threaded.checked.stdout).toBe(alone.checked.stdout);
    expect(existsSync(join(threaded.dir, 'out'))).toBe(false);
  });

  it('are asked for by a whole number in ERRGEN_THREADS, said on every run', () => {
    const dir = seedProject();
    expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
    // The output record would let these skip rendering: the variable is still read, and refused.
    for (const command of ['generate', 'check']) {
      const result = errgen([command], { cwd: dir, env: { ERRGEN_THREADS: 'two' } });
      expect(result.stderr).toBe('errgen: ERRGEN_THREADS must be a whole number from 1 to 64, not "two"\n');
      expect(result.code).toBe(2);
    }
  });
});

describe('outputThreads and claimOrder', () => {
  const target = (name: string, builtin = true): ResolvedTarget => ({ name, template: `${name}.hbs`, output: `${name}.out`, options: {}, builtin, names: [] });
  const targets = ['go', 'json'].map((name) => target(name));

  it('are two from a 4 Mi-character catalog on, where cores allow, else one, unless ERRGEN_THREADS says', () => {
    const big = 'x'.repeat(4 * 1024 * 1024);
    expect(outputThreads(big, targets, {}, true)).toBe(Math.min(2, availableParallelism()));
    expect(outputThreads(big.slice(1), targets, {}, true)).toBe(1);
    expect(outputThreads('small', targets, { ERRGEN_THREADS: '2' }, true)).toBe(2);
    // No more than the targets and one.
    expect(outputThreads('small', targets, { ERRGEN_THREADS: '9' }, true)).toBe(3);
    expect(outputThreads(big, targets, { ERRGEN_THREADS: '1' }, true)).toBe(1);
    expect(() => outputThreads('small', targets, { ERRGEN_THREADS: '0' }, true)).toThrow('ERRGEN_THREADS must be a whole number from 1 to 64, not "0"');
  });

  it('are one from the sources, where there is no bundle for a thread to load', () => {
    expect(outputThreads('x'.repeat(8 * 1024 * 1024), targets, { ERRGEN_THREADS: '4' })).toBe(1);
  });

  it('stop a run with the failure first in claim order, whichever thread met it', () => {
    const sent = (message: string, name = 'Error') => ({ name, message, stack: undefined, diagnostics: [], file: undefined });
    const failedAt = (at: number, message: string, name?: string): WorkerReport<unknown> => ({ outputs: 5, results: [], failed: { at, error: sent(message, name) } });
    const done: WorkerReport<unknown> = { outputs: 5, results: [] };
    const mine = new Error('mine');
    expect(firstError(undefined, [done, done])).toBeUndefined();
    expect(firstError({ at: 1, error: mine }, [done])?.error).toBe(mine);
    // Another thread's earlier failure comes first, as the error it was (an InputError stays one).
    const theirs = firstError({ at: 3, error: mine }, [done, failedAt(1, 'theirs', 'InputError')])?.error;
    expect(theirs).toBeInstanceOf(InputError);
    expect((theirs as Error).message).toBe('theirs');
    expect(firstError({ at: 1, error: mine }, [failedAt(3, 'theirs')])?.error).toBe(mine);
    // This thread failing to plan (-1) comes before any output; a thread that died (at Infinity) after all of them.
    expect(firstError({ at: -1, error: mine }, [failedAt(0, 'theirs')])?.error).toBe(mine);
    expect((firstError(undefined, [failedAt(Number.POSITIVE_INFINITY, 'died'), failedAt(2, 'two')])?.error as Error).message).toBe('two');
    // A thread that could not plan (the main thread's plan says why) is no failure to report.
    expect(firstError(undefined, [{ outputs: 0, results: [], failed: { planning: true } }])).toBeUndefined();
  });

  it("let check's main thread plan only when what is left outweighs planning it (a weight of 20)", () => {
    const builtin = (kind: string): ResolvedTarget => ({ ...target(kind), template: builtinTemplatePath(kind) });
    const all = ['openapi', 'go', 'typescript', 'java', 'html', 'python', 'rust', 'docs', 'protobuf', 'jsonschema', 'messages-json', 'json', 'java-properties'].map(builtin);
    // No thread has planned yet: everything is left.
    expect(worthJoining(all, undefined)).toBe(true);
    expect(worthJoining(all, { outputs: 13, untaken: 13 })).toBe(true);
    // The lightest are left: docs, protobuf, jsonschema, messages-json, json, java-properties weigh 8 + 4 + 4 + 3 + 3 + 1.
    expect(worthJoining(all, { outputs: 13, untaken: 6 })).toBe(true);
    expect(worthJoining(all, { outputs: 13, untaken: 5 })).toBe(false);
    expect(worthJoining(all, { outputs: 13, untaken: 0 })).toBe(false);
    // Outputs beyond one per target (a target per locale) weigh as the lightest target: 4 + 3 + 3 + 1 + 1 + 1.
    expect(worthJoining(all, { outputs: 15, untaken: 6 })).toBe(false);
    // Two templates of yours left, of unknown cost (10 each).
    expect(worthJoining([target('mine', false), target('theirs', false), builtin('go')], { outputs: 3, untaken: 2 })).toBe(true);
  });

  it('hand out the heaviest outputs first (a built-in target weighed by its kind), then in output order', () => {
    const builtin = (name: string, kind = name): ResolvedTarget => ({ ...target(name), template: builtinTemplatePath(kind) });
    const outputs = [builtin('json'), target('mine', false), builtin('go'), builtin('java-properties'), builtin('openapi-problem', 'openapi'), target('theirs', false)].map((t, i) => ({ target: t, path: `${i}` }) as PendingOutput);
    expect(claimOrder(outputs).map((i) => outputs[i]?.target.name)).toEqual(['go', 'openapi-problem', 'mine', 'theirs', 'json', 'java-properties']);
  });
});
