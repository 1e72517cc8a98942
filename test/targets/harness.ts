import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseCatalog } from '../../src/catalog/read.js';
import { errgen, repoRoot } from '../helpers/cli.js';
import { expectedGrpc, grpcNumbers } from './grpc-expected.js';

export const seedCatalog = join(repoRoot, 'data/errors.yaml');
export const hostileCatalog = join(repoRoot, 'test/fixtures/hostile/errors.yaml');

/** A catalog for what the seed and hostile ones lack: aliases, deprecations, a tombstone. */
export const evolvedCatalog = `groups:
  - title: Evolved
    codes:
      - code: NOT_FOUND
        status: 404
        message: Not found
        solution: Check the id
        aliases: [RESOURCE_MISSING, NOTFOUND]
      - code: OLD_LIMIT
        status: 429
        message: Old limit
        solution: ""
        deprecated: { since: "2.0", reason: "Split by plan", replacement: PLAN_LIMIT }
      - code: LEGACY
        status: 400
        message: Legacy
        solution: ""
        deprecated: true
      - code: PLAN_LIMIT
        status: 429
        message: Plan limit
        solution: Upgrade
      - code: GONE_FOREVER
        status: 410
        message: Gone
        solution: ""
        removed: { since: "1.0" }
`;

/** What a generated target must report for one code at run time. */
export interface ExpectedCode {
  readonly code: string;
  readonly status: number;
  readonly statuses: readonly number[];
  readonly message: string;
  readonly solution: string;
  readonly deprecated: boolean;
}

export interface Expected {
  readonly codes: readonly ExpectedCode[];
  /** alias → canonical code */
  readonly aliases: Readonly<Record<string, string>>;
  /** Tombstoned codes: must not parse. */
  readonly removed: readonly string[];
}

/** Reads the catalog independently of the view model: first row's texts, distinct statuses in order. */
export async function expectedFrom(catalogText: string): Promise<Expected> {
  const { value } = await parseCatalog(catalogText, 'errors.yaml');
  const codes = new Map<string, ExpectedCode & { statuses: number[] }>();
  const aliases: Record<string, string> = {};
  const removed: string[] = [];
  for (const entry of value.groups.flatMap((g) => g.codes)) {
    if (entry.removed) {
      removed.push(entry.code);
      continue;
    }
    const known = codes.get(entry.code);
    if (known) {
      if (!known.statuses.includes(entry.status)) known.statuses.push(entry.status);
      continue;
    }
    codes.set(entry.code, {
      code: entry.code,
      status: entry.status,
      statuses: [entry.status],
      message: entry.message,
      solution: entry.solution,
      deprecated: Boolean(entry.deprecated),
    });
    for (const alias of entry.aliases ?? []) aliases[alias] = entry.code;
  }
  return { codes: [...codes.values()], aliases, removed };
}

/** Values that no catalog here knows: the generated lookups must reject them. */
export const unknownProbes = ['SOMETHING_NEW', '', 'not_found', ' NOT_FOUND'];

/** What every target's parse function is probed with: each code, each alias, each tombstone, unknown values. */
export function probesFor(expected: Expected): string[] {
  return [...expected.codes.map((c) => c.code), ...Object.keys(expected.aliases), ...expected.removed, ...unknownProbes];
}

/** The code a probe must parse to (an alias gives its canonical code), or undefined when it must be rejected. */
export function canonicalOf(expected: Expected): (input: string) => string | undefined {
  const known = new Set(expected.codes.map((c) => c.code));
  return (input) => (known.has(input) ? input : expected.aliases[input]);
}

/** Status → the codes listed with it, in catalog order: what a codes-for-status lookup must return. */
export function codesByStatus(expected: Expected): Record<string, string[]> {
  const byStatus: Record<string, string[]> = {};
  for (const c of expected.codes) for (const s of c.statuses) (byStatus[String(s)] ??= []).push(c.code);
  return byStatus;
}

/**
 * What a dump program must report for each live code, in catalog order: its catalog fields and its
 * gRPC status by name and number. A target adds the fields only its dump has (its string form).
 */
export function expectedCodes({ expected, grpc }: Pick<Built<unknown>, 'expected' | 'grpc'>): Array<ExpectedCode & { grpcStatus: string; grpcCode: number }> {
  return expected.codes.map((c) => {
    const grpcStatus = grpc.get(c.code)!;
    return { ...c, grpcStatus, grpcCode: grpcNumbers[grpcStatus]! };
  });
}

/** What a target test compares: the generated source, what its dump program printed, and what the catalog says. */
export interface Built<Dump> {
  readonly source: string;
  readonly dump: Dump;
  readonly expected: Expected;
  readonly grpc: Map<string, string>;
  readonly probes: readonly string[];
}

/** Runs a target's dump program (`run` feeds it the probes and returns its JSON) and gathers what the test compares. */
export async function dumpFor<Dump>(catalogText: string, file: string, run: (probes: readonly string[]) => string): Promise<Built<Dump>> {
  const expected = await expectedFrom(catalogText);
  const probes = probesFor(expected);
  return { source: readFileSync(file, 'utf8'), dump: JSON.parse(run(probes)) as Dump, expected, grpc: await expectedGrpc(catalogText), probes };
}

/**
 * Writes the catalog and a config naming one target into `dir`, runs the real CLI there, and
 * returns the generated file's path. The config sets the options explicitly (the repo's own
 * config is not in play: the temp folder has its own).
 */
export function generateInto(dir: string, catalogText: string, target: string, options: Record<string, string>): string {
  writeFileSync(join(dir, 'errors.yaml'), catalogText);
  const optionLines = Object.entries(options).map(([k, v]) => `      ${k}: ${v}`);
  writeFileSync(join(dir, 'errgen.config.yaml'), ['catalog: errors.yaml', 'outDir: out', 'targets:', `  ${target}:`, '    options:', ...optionLines, ''].join('\n'));
  const result = errgen(['generate'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const wrote = /^wrote (.+)$/m.exec(result.stdout)?.[1];
  if (wrote === undefined) throw new Error(`errgen generate wrote nothing:\n${result.stdout}`);
  return join(dir, wrote);
}

/**
 * Runs a toolchain command and returns its stdout. A tool that is not installed fails the test
 * with a message saying so: these proofs are never skipped.
 */
export function runTool(tool: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): string {
  const result = spawnSync(tool, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`\`${tool}\` was not found on PATH; install it: the generated code must be proven by the real toolchain.`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`\`${tool} ${args.join(' ')}\` failed with exit code ${String(result.status)} in ${options.cwd}:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}
