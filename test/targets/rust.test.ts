import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { grpcExtras } from './grpc-expected.js';
import { canonicalOf, codesByStatus, expectedCodes, evolvedCatalog, generateInto, hostileCatalog, runTool, seedCatalog, type Built as BuiltTarget, dumpFor } from './harness.js';
import { rustJsonFn } from './toolchains.js';

/**
 * Prints everything the generated module knows, and what it makes of the probes on stdin (one per
 * line), as JSON — with std only, so the JSON writer is here too.
 */
const dumpProgram = (module: string, typeName: string) => `mod ${module};

use std::io::Read;

use ${module}::{${typeName}, Unknown${typeName}};

${rustJsonFn}

fn list<T: std::fmt::Display>(items: impl Iterator<Item = T>) -> String {
    format!("[{}]", items.map(|i| i.to_string()).collect::<Vec<_>>().join(","))
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let codes: Vec<String> = ${typeName}::ALL
        .iter()
        .map(|c| {
            format!(
                "{{\\"code\\":{},\\"display\\":{},\\"status\\":{},\\"statuses\\":{},\\"message\\":{},\\"solution\\":{},\\"grpcStatus\\":{},\\"grpcCode\\":{},\\"deprecated\\":{}}}",
                json(c.as_str()),
                json(&c.to_string()),
                c.status(),
                list(c.statuses().iter()),
                json(c.message()),
                json(c.solution()),
                json(c.grpc_status()),
                c.grpc_code(),
                c.is_deprecated()
            )
        })
        .collect();
    let parsed: Vec<String> = input
        .split('\\n')
        .map(|probe| match probe.parse::<${typeName}>() {
            Ok(code) => format!("{{\\"input\\":{},\\"code\\":{}}}", json(probe), json(code.as_ref())),
            Err(Unknown${typeName}(kept)) => format!("{{\\"input\\":{},\\"unknown\\":{}}}", json(probe), json(&kept)),
        })
        .collect();
    let mut statuses: Vec<u16> = ${typeName}::ALL.iter().flat_map(|c| c.statuses().iter().copied()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let by_status: Vec<String> = statuses
        .iter()
        .map(|s| format!("\\"{}\\":{}", s, list(${typeName}::codes_for_status(*s).map(|c| json(c.as_str())))))
        .collect();
    let error = "SOMETHING_NEW".parse::<${typeName}>().unwrap_err();
    let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
    println!(
        "{{\\"codes\\":[{}],\\"parsed\\":[{}],\\"byStatus\\":{{{}}},\\"unknownStatus\\":{},\\"errorText\\":{}}}",
        codes.join(","),
        parsed.join(","),
        by_status.join(","),
        ${typeName}::codes_for_status(999).count(),
        json(&boxed.to_string())
    );
}
`;

interface Dump {
  codes: Array<Record<string, unknown>>;
  parsed: Array<{ input: string; code?: string; unknown?: string }>;
  byStatus: Record<string, string[]>;
  unknownStatus: number;
  errorText: string;
}

type Built = BuiltTarget<Dump>;

/** Generates the module into a std-only cargo project; proves it rustfmt-clean and warning-free; runs the dump. */
async function buildAndRun(catalogText: string, options: { module: string; typeName: string }): Promise<Built> {
  const dir = tempDir();
  const file = generateInto(dir, catalogText, 'rust', options);
  expect(relative(dir, file)).toBe(`out/rust/${options.module}.rs`);
  const crate = join(dir, 'crate');
  mkdirSync(join(crate, 'src'), { recursive: true });
  writeFileSync(join(crate, 'Cargo.toml'), '[package]\nname = "dump"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n');
  writeFileSync(join(crate, 'src', `${options.module}.rs`), readFileSync(file));
  writeFileSync(join(crate, 'src', 'main.rs'), dumpProgram(options.module, options.typeName));

  const env = { CARGO_TARGET_DIR: join(dir, 'target'), RUSTFLAGS: '-D warnings', CARGO_TERM_COLOR: 'never' };
  runTool('rustfmt', ['--check', '--edition', '2021', file], { cwd: dir, env });
  runTool('cargo', ['build', '--offline', '--quiet'], { cwd: crate, env });

  return dumpFor<Dump>(catalogText, file, (probes) => {
    // The dump program reads one probe per line.
    for (const probe of probes) expect(probe).not.toContain('\n');
    return runTool(join(dir, 'target', 'debug', 'dump'), [], { cwd: crate, input: probes.join('\n') });
  });
}

/** The run-time metadata must be the catalog's, byte for byte; parsing accepts exactly the known codes and aliases. */
function expectMatchesCatalog(built: Built): void {
  const { dump, expected, probes } = built;
  expect(dump.codes).toEqual(expectedCodes(built).map((c) => ({ ...c, display: c.code })));
  const canonicalFor = canonicalOf(expected);
  expect(dump.parsed).toEqual(
    probes.map((input) => {
      const canonical = canonicalFor(input);
      return canonical === undefined ? { input, unknown: input } : { input, code: canonical };
    }),
  );
  expect(dump.byStatus).toEqual(codesByStatus(expected));
  expect(dump.unknownStatus).toBe(0);
  expect(dump.errorText).toBe('unknown error code "SOMETHING_NEW"');
}

/** The first cargo build compiles std's debug artifacts into an empty target folder: allow for it. */
const toolchainTimeout = 240_000;

describe('rust target', () => {
  it('is rustfmt-clean, builds with -D warnings and reports the seed catalog exactly', async () => {
    const built = await buildAndRun(readFileSync(seedCatalog, 'utf8'), { module: 'error_codes', typeName: 'ErrorCode' });
    expect(built.source.split('\n')[0]).toBe('// Code generated by errgen. DO NOT EDIT.');
    expect(built.source).toContain('\npub enum ErrorCode {\n');
    expect(built.source).toContain('\n    Details {\n        code: "NOT_FOUND",\n');
    expect(built.dump.codes).toHaveLength(62);
    expect(built.dump.codes.find((c) => c['code'] === 'FAILED_PRECONDITION')?.['statuses']).toEqual([400, 409]);
    expectMatchesCatalog(built);
  }, toolchainTimeout);

  it('keeps every hostile string byte-identical and turns hostile codes into valid variants', async () => {
    const built = await buildAndRun(readFileSync(hostileCatalog, 'utf8'), { module: 'error_codes', typeName: 'ErrorCode' });
    expectMatchesCatalog(built);
    for (const variant of ['E404PageMissing', 'Self_', 'Type', 'AuthTokenExpired', 'HttpUrlIdApiJson']) expect(built.source).toContain(`\n    ${variant},\n`);
  }, toolchainTimeout);

  it('parses aliases to the canonical code, rejects tombstones, marks deprecations, carries gRPC overrides, honours module and typeName', async () => {
    const built = await buildAndRun(evolvedCatalog + grpcExtras, { module: 'api_errors', typeName: 'ApiError' });
    expectMatchesCatalog(built);
    expect(built.source).toContain('\npub enum ApiError {\n');
    expect(built.source).toContain('\n    Alias {\n        alias: "RESOURCE_MISSING",\n        code: ApiError::NotFound,\n    },\n');
    // The note alone: `since` would be the crate's version to rustc, and clippy wants semver there.
    expect(built.source).toContain('    #[deprecated = "Since 2.0: Split by plan. Use PLAN_LIMIT instead."]\n    OldLimit,\n');
    expect(built.source).toContain('    #[deprecated]\n    Legacy,\n');
    expect(built.dump.codes.find((c) => c['code'] === 'ALREADY_THERE')).toMatchObject({ grpcStatus: 'ALREADY_EXISTS', grpcCode: 6 });
    expect(built.source).not.toContain('GONE_FOREVER');
  }, toolchainTimeout);

  it('stays rustfmt-clean and clean under clippy for a catalog of one code: lists of one, a long deprecation note', async () => {
    const catalog = `groups:
  - title: G
    codes:
      - code: OLD_LIMIT
        status: 429
        message: Old limit
        solution: ""
        aliases: [LIMIT_OLD]
        deprecated: { since: "2.0", reason: "Split by plan, with a reason long enough to pass the line width rustfmt keeps to", replacement: PLAN_LIMIT }
`;
    const built = await buildAndRun(catalog, { module: 'error_codes', typeName: 'ErrorCode' });
    expectMatchesCatalog(built);
    const lib = join(tempDir(), 'lib');
    mkdirSync(join(lib, 'src'), { recursive: true });
    writeFileSync(join(lib, 'Cargo.toml'), '[package]\nname = "errors"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[lib]\npath = "src/error_codes.rs"\n\n[dependencies]\n');
    writeFileSync(join(lib, 'src', 'error_codes.rs'), built.source);
    runTool('cargo', ['clippy', '--offline', '--quiet', '--', '-D', 'warnings', '-W', 'clippy::pedantic'], { cwd: lib, env: { CARGO_TARGET_DIR: join(lib, 'target'), CARGO_TERM_COLOR: 'never' } });
  }, toolchainTimeout);
});
