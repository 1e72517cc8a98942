import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from '../helpers/cli.js';
import { grpcExtras } from './grpc-expected.js';
import { canonicalOf, codesByStatus, expectedCodes, evolvedCatalog, generateInto, hostileCatalog, runTool, seedCatalog, type Built as BuiltTarget, dumpFor } from './harness.js';

/** Go without the network or the user's workspace: modules only from the local folder. */
const goEnv = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' };

/** Prints everything the generated package knows, and what it makes of the probes on stdin, as JSON. */
const dumpProgram = (pkg: string, typeName: string) => `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"example.com/errgentest/${pkg}"
)

type code struct {
	Code     string \`json:"code"\`
	String   string \`json:"string"\`
	Status   int    \`json:"status"\`
	Statuses []int  \`json:"statuses"\`
	Message  string \`json:"message"\`
	Solution string \`json:"solution"\`
	GRPC     string \`json:"grpcStatus"\`
	GRPCCode uint32 \`json:"grpcCode"\`
}

type parsed struct {
	Input string \`json:"input"\`
	Code  string \`json:"code"\`
	OK    bool   \`json:"ok"\`
}

func describe(c ${pkg}.${typeName}) code {
	return code{string(c), c.String(), c.Status(), c.Statuses(), c.Message(), c.Solution(), c.GRPCStatusName(), c.GRPCCode()}
}

func main() {
	var probes []string
	if err := json.NewDecoder(os.Stdin).Decode(&probes); err != nil {
		panic(err)
	}
	var out struct {
		Codes     []code   \`json:"codes"\`
		Parsed    []parsed \`json:"parsed"\`
		Unknown   code     \`json:"unknown"\`
		ByStatus  map[string][]string \`json:"byStatus"\`
		NoStatus  bool     \`json:"unknownStatusIsNil"\`
		ErrorText string   \`json:"errorText"\`
		FoundAs   string   \`json:"foundAs"\`
		CauseSeen bool     \`json:"causeSeen"\`
	}
	for _, c := range ${pkg}.Codes() {
		out.Codes = append(out.Codes, describe(c))
	}
	for _, p := range probes {
		c, ok := ${pkg}.Parse(p)
		out.Parsed = append(out.Parsed, parsed{p, string(c), ok})
	}
	out.Unknown = describe(${pkg}.${typeName}("SOMETHING_NEW"))
	out.ByStatus = map[string][]string{}
	for _, c := range ${pkg}.Codes() {
		for _, s := range c.Statuses() {
			key := fmt.Sprint(s)
			if _, seen := out.ByStatus[key]; seen {
				continue
			}
			for _, listed := range ${pkg}.CodesForStatus(s) {
				out.ByStatus[key] = append(out.ByStatus[key], string(listed))
			}
		}
	}
	out.NoStatus = ${pkg}.CodesForStatus(999) == nil

	first := ${pkg}.Codes()[0]
	err := fmt.Errorf("handler: %w", &${pkg}.Error{Code: first, Err: io.EOF})
	out.ErrorText = err.Error()
	var e *${pkg}.Error
	if errors.As(err, &e) {
		out.FoundAs = string(e.Code)
	}
	out.CauseSeen = errors.Is(err, io.EOF)

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
`;

interface Dump {
  codes: Array<{ code: string; string: string; status: number; statuses: number[]; message: string; solution: string; grpcStatus: string; grpcCode: number }>;
  parsed: Array<{ input: string; code: string; ok: boolean }>;
  byStatus: Record<string, string[]>;
  unknownStatusIsNil: boolean;
  unknown: { code: string; status: number; statuses: number[] | null; message: string; solution: string; grpcStatus: string; grpcCode: number };
  errorText: string;
  foundAs: string;
  causeSeen: boolean;
}

type Built = BuiltTarget<Dump>;

/** Generates the package, proves it gofmt-clean, vet-clean and buildable, and runs the dump program. */
async function buildAndRun(catalogText: string, options: { package: string; typeName: string }): Promise<Built> {
  const dir = tempDir();
  const file = generateInto(dir, catalogText, 'go', options);
  const moduleDir = dirname(dirname(file));
  expect(relative(moduleDir, file)).toBe(`${options.package}/${options.package}.go`);
  writeFileSync(join(moduleDir, 'go.mod'), 'module example.com/errgentest\n\ngo 1.21\n');
  mkdirSync(join(moduleDir, 'cmd/dump'), { recursive: true });
  writeFileSync(join(moduleDir, 'cmd/dump/main.go'), dumpProgram(options.package, options.typeName));

  expect(runTool('gofmt', ['-l', file], { cwd: moduleDir })).toBe('');
  runTool('go', ['vet', './...'], { cwd: moduleDir, env: goEnv });
  runTool('go', ['build', './...'], { cwd: moduleDir, env: goEnv });

  return dumpFor<Dump>(catalogText, file, (probes) => runTool('go', ['run', './cmd/dump'], { cwd: moduleDir, env: goEnv, input: JSON.stringify(probes) }));
}

/** The run-time metadata must be the catalog's, byte for byte; lookups accept exactly the known codes and aliases. */
function expectMatchesCatalog(built: Built): void {
  const { dump, expected, probes } = built;
  // Go's codes carry no deprecation at run time (it is a doc comment).
  expect(dump.codes).toEqual(expectedCodes(built).map(({ deprecated: _, ...c }) => ({ ...c, string: c.code })));
  const canonicalFor = canonicalOf(expected);
  expect(dump.parsed).toEqual(
    probes.map((input) => {
      const canonical = canonicalFor(input);
      return canonical === undefined ? { input, code: input, ok: false } : { input, code: canonical, ok: true };
    }),
  );
  expect(dump.byStatus).toEqual(codesByStatus(expected));
  expect(dump.unknownStatusIsNil).toBe(true);
  // An unknown code is UNKNOWN to gRPC, never OK.
  expect(dump.unknown).toEqual({ code: 'SOMETHING_NEW', string: 'SOMETHING_NEW', status: 0, statuses: null, message: '', solution: '', grpcStatus: 'UNKNOWN', grpcCode: 2 });
  const first = expected.codes[0]!;
  expect(dump.errorText).toBe(first.message === '' ? `handler: ${first.code}` : `handler: ${first.code}: ${first.message}`);
  expect(dump.foundAs).toBe(first.code);
  expect(dump.causeSeen).toBe(true);
}

/** The first `go build` compiles the standard library into an empty cache: allow for it. */
const toolchainTimeout = 240_000;

describe('go target', () => {
  it('builds from the seed catalog and reports its 62 codes exactly', async () => {
    const built = await buildAndRun(readFileSync(seedCatalog, 'utf8'), { package: 'errcodes', typeName: 'Code' });
    expect(built.source.split('\n')[0]).toBe('// Code generated by errgen. DO NOT EDIT.');
    expect(built.source).toContain('\npackage errcodes\n');
    expect(built.dump.codes).toHaveLength(62);
    expect(built.dump.codes.find((c) => c.code === 'FAILED_PRECONDITION')?.statuses).toEqual([400, 409]);
    expect(built.source).toContain('\tCodeNotFound Code = "NOT_FOUND"\n');
    expectMatchesCatalog(built);
  }, toolchainTimeout);

  it('keeps every hostile string byte-identical and turns hostile codes into valid identifiers', async () => {
    const built = await buildAndRun(readFileSync(hostileCatalog, 'utf8'), { package: 'errcodes', typeName: 'Code' });
    expectMatchesCatalog(built);
    for (const line of ['\tCode404PageMissing Code = "404_PAGE_MISSING"', '\tCodeType Code = "type"', '\tCodeAuthTokenExpired Code = "auth.token-expired"']) {
      expect(built.source).toContain(line);
    }
  });

  it('parses aliases to the canonical code, rejects tombstones, marks deprecations, carries gRPC overrides, honours package and typeName', async () => {
    const built = await buildAndRun(evolvedCatalog + grpcExtras, { package: 'apierrors', typeName: 'ErrorCode' });
    expectMatchesCatalog(built);
    expect(built.dump.codes.find((c) => c.code === 'ALREADY_THERE')).toMatchObject({ grpcStatus: 'ALREADY_EXISTS', grpcCode: 6 });
    expect(built.source).toContain('\npackage apierrors\n');
    expect(built.source).toContain('\tcase "RESOURCE_MISSING":\n\t\treturn CodeNotFound, true\n');
    expect(built.source).toContain(
      '\t//\n\t// Deprecated: Since 2.0: Split by plan. Use PLAN_LIMIT instead.\n\tCodeOldLimit ErrorCode = "OLD_LIMIT"\n',
    );
    expect(built.source).toContain('\t// Deprecated: Do not use it in new code.\n\tCodeLegacy ErrorCode = "LEGACY"\n');
    expect(built.source).not.toContain('GONE_FOREVER');
  }, toolchainTimeout);

  it('refuses a constant named as the code type (typeName), and builds one named as the default type when typeName is another', async () => {
    const catalog = (name: string) => `groups:\n  - title: G\n    codes:\n      - { code: A, status: 400, message: a, solution: "", names: { go: ${name} } }\n`;
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), catalog('Code'));
    const refused = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'go'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('errors.yaml:4:9: error: the go name Code of A is the name of the type the go target declares (its typeName option).');
    // With typeName ErrorCode, ErrorCode is taken and Code is free.
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  go:\n    options: { typeName: ErrorCode }\n');
    writeFileSync(join(dir, 'errors.yaml'), catalog('ErrorCode'));
    expect(errgen(['generate'], { cwd: dir }).stderr).toContain('the go name ErrorCode of A is the name of the type the go target declares');
    // Two go targets: each one's type name is taken.
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  go2:\n    kind: go\n    output: go2/errcodes.go\n    options: { typeName: ErrorCode }\n  go:\n');
    expect(errgen(['generate'], { cwd: dir }).stderr).toContain('the go name ErrorCode of A is the name of the type the go target declares');
    const built = await buildAndRun(catalog('Code'), { package: 'errcodes', typeName: 'ErrorCode' });
    expect(built.source).toContain('\tCode ErrorCode = "A"\n');
  }, toolchainTimeout);
});
