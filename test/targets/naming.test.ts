import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Catalog, CatalogCode } from '../../src/catalog/model.js';
import { errgen, tempDir } from '../helpers/cli.js';
import { languages } from '../../src/lang/index.js';
import { evolvedCatalog, seedCatalog } from './harness.js';

/** Generates go and java from a catalog (no config: default options) and maps each identifier to its code. */
function identifiers(dir: string, catalog: Catalog): { go: Map<string, string>; java: Map<string, string> } {
  writeFileSync(join(dir, 'errors.yaml'), stringify(catalog));
  const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'go,java'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const goSource = readFileSync(join(dir, 'out/go/errcodes/errcodes.go'), 'utf8');
  const javaSource = readFileSync(join(dir, 'out/java/errors/ErrorCode.java'), 'utf8');
  const pairs = (source: string, pattern: RegExp) => new Map([...source.matchAll(pattern)].map((m) => [m[2]!, m[1]!]));
  return { go: pairs(goSource, /^\t(\w+) Code = "([^"]*)"$/gm), java: pairs(javaSource, /^ {4}(\w+)\("([^"]*)",/gm) };
}

const entry = (code: string): CatalogCode => ({ code, status: 400, message: `New ${code}`, solution: '' });

describe('identifier stability', () => {
  it('adding codes (first, in the middle, look-alikes) never renames an existing one', () => {
    const dir = tempDir();
    const seed = parse(readFileSync(seedCatalog, 'utf8')) as Catalog;
    const before = identifiers(dir, seed);
    expect(before.go.size).toBe(62);
    expect(before.java.size).toBe(62);

    const [general, ...rest] = seed.groups;
    const grown: Catalog = {
      groups: [
        { ...general!, codes: [entry('BRAND_NEW'), ...general!.codes.slice(0, 5), entry('NOT_FOUND_AGAIN'), entry('404_MISSING'), ...general!.codes.slice(5)] },
        ...rest,
        { title: 'Later', codes: [entry('HTTP2_GONE'), entry('notFoundAtAll')] },
      ],
    };
    const after = identifiers(dir, grown);
    expect(after.go.size).toBe(67);
    for (const [code, name] of before.go) expect(after.go.get(code), code).toBe(name);
    for (const [code, name] of before.java) expect(after.java.get(code), code).toBe(name);
    expect(after.go.get('404_MISSING')).toBe('Code404Missing');
    expect(after.java.get('404_MISSING')).toBe('E_404_MISSING');
  });
});

describe('identifier collisions', () => {
  const clash = `groups:
  - title: Clash
    codes:
      - code: NOT_FOUND
        status: 404
        message: Not found
        solution: ""
      - code: OTHER
        status: 400
        message: Other
        solution: ""
      - code: NOT-FOUND
        status: 404
        message: Not found, dashed
        solution: ""
`;

  it('is an input error naming both codes and both places, and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), clash);
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'go,java'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toContain(
      'errors.yaml:12:9: error: codes "NOT_FOUND" and "NOT-FOUND" both become the go identifier CodeNotFound (see also errors.yaml:4:9). ' +
        'Rename one of the codes, or give one an explicit name under `names: { go: ... }` in the catalog.',
    );
    expect(lines).toContain(
      'errors.yaml:12:9: error: codes "NOT_FOUND" and "NOT-FOUND" both become the java identifier NOT_FOUND (see also errors.yaml:4:9). ' +
        'Rename one of the codes, or give one an explicit name under `names: { java: ... }` in the catalog.',
    );
    expect(lines.at(-1)).toBe('errgen: cannot generate from errors.yaml');
  });

  it('is resolved by an explicit name, and only the overridden code changes', () => {
    const dir = tempDir();
    const catalog = parse(clash) as Catalog;
    const [group] = catalog.groups;
    const resolved: Catalog = {
      groups: [
        {
          ...group!,
          codes: group!.codes.map((c) => (c.code === 'NOT-FOUND' ? { ...c, names: { ts: 'NotFoundDashed', go: 'CodeNotFoundDashed', java: 'NOT_FOUND_DASHED', python: 'NOT_FOUND_DASHED', rust: 'NotFoundDashed', proto: 'ERROR_CODE_NOT_FOUND_DASHED' } } : c)),
        },
      ],
    };
    const names = identifiers(dir, resolved);
    expect([...names.go]).toEqual([['NOT_FOUND', 'CodeNotFound'], ['OTHER', 'CodeOther'], ['NOT-FOUND', 'CodeNotFoundDashed']]);
    expect([...names.java]).toEqual([['NOT_FOUND', 'NOT_FOUND'], ['OTHER', 'OTHER'], ['NOT-FOUND', 'NOT_FOUND_DASHED']]);
  });
});

describe("what the built-in templates declare beside the members is out of an override's reach", () => {
  // Every built-in target that prints members, and Java's final-class form (past `enumLimit` codes).
  const config = `catalog: errors.yaml
outDir: out
targets:
  go:
  java:
  java-class:
    kind: java
    output: java-class/ErrorCode.java
    options: { enumLimit: "0" }
  python:
  rust:
  protobuf:
`;
  /** The names each generated file declares in the scope its members are in, less the members and formatters. */
  function declaredBeside(dir: string): Array<[string, string]> {
    const read = (path: string) => readFileSync(join(dir, 'out', path), 'utf8');
    const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);
    const between = (text: string, start: RegExp, end: RegExp) => {
      const from = text.search(start);
      expect(from, String(start)).toBeGreaterThanOrEqual(0);
      const next = text.indexOf('\n', from) + 1;
      return text.slice(from, next + text.slice(next).search(end));
    };
    const found: Array<[string, string]> = [];
    // Go: package-level functions, variables, types and constants, and imported packages; not the codes' constants and formatters.
    const goText = read('go/errcodes/errcodes.go');
    const goMembers = new Set(all(goText, /^\t(\w+) Code = "/gm));
    const goStems = [...goMembers].map((member) => member.replace(/^Code/, ''));
    for (const name of [...all(goText, /^(?:func|var|type|const) (\w+)/gm), ...all(goText, /^\t"(\w+)"$/gm)]) {
      if (!goStems.some((stem) => name === `Message${stem}` || name === `Solution${stem}`)) found.push(['go', name]);
    }
    // Java: the type's fields and nested types, and the other types of the file; not its constants
    // (an enum's `NAME(…)`, the final class's `ErrorCode NAME = ErrorCode.define(…)` in interfaces).
    for (const path of ['java/errors/ErrorCode.java', 'java-class/ErrorCode.java']) {
      const javaText = read(path);
      const constants = new Set([...all(javaText, /^ {4}(\w+)\("/gm), ...all(javaText, /^ {4}ErrorCode (\w+) = ErrorCode\.define\(/gm)]);
      expect(constants.size, path).toBeGreaterThan(0);
      const fields = all(javaText, /^ {4}(?! )(?:(?:private|public|protected|static|final) )*[\w<>[\], ?]+ (\w+)(?: = [^;]*)?;$/gm).filter((name) => !constants.has(name));
      const types = all(javaText, /^(?: {4})?(?:(?:private|public|protected|static|final) )*(?:class|interface|enum|record) (\w+)/gm);
      found.push(...[...fields, ...types].map((name): [string, string] => ['java', name]));
    }
    // Python: the enum class's methods and properties (its assignments are the members).
    found.push(...all(between(read('python/error_codes.py'), /^class ErrorCode\(/m, /^\S/m), /^ {4}def (\w+)/gm).map((name): [string, string] => ['python', name]));
    // Rust: the enum's inherent associated functions and constants.
    found.push(...all(between(read('rust/error_codes.rs'), /^impl ErrorCode \{/m, /^\}/m), /^ {4}(?:pub )?(?:const )?(?:fn )?(\w+)(?:\(|:)/gm).map((name): [string, string] => ['rust', name]));
    // Protocol Buffers: the file's top-level definitions, whose scope the enum values share.
    found.push(...all(read('protobuf/errors/v1/error_code.proto'), /^(?:enum|message|service) (\w+)/gm).map((name): [string, string] => ['proto', name]));
    return found;
  }

  for (const [name, catalog] of [['the seed (placeholders, translations)', () => readFileSync(seedCatalog, 'utf8')], ['a catalog with aliases and deprecations', () => evolvedCatalog]] as const) {
    it(`every name declared beside the members is in another style, or declaresBeside has it, for ${name}`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'errors.yaml'), catalog());
      writeFileSync(join(dir, 'errgen.config.yaml'), config);
      const result = errgen(['generate'], { cwd: dir });
      expect(result.stderr).toBe('');
      const found = declaredBeside(dir);
      const byId = new Map(languages.map((language) => [language.id, language]));
      for (const id of ['go', 'java', 'python', 'rust', 'proto']) expect(found.some(([language]) => language === id), id).toBe(true);
      // The code type itself (default typeName: Code in Go, ErrorCode in Java) is checked against the target's option when generating.
      const typeNames: Record<string, string> = { go: 'Code', java: 'ErrorCode', python: 'ErrorCode' };
      const reachable = found.filter(([id, declared]) => {
        const language = byId.get(id)!;
        return language.memberStyle.test(declared) && !language.declaresBeside?.(declared) && !(language.membersBesideType && typeNames[id] === declared);
      });
      expect(reachable).toEqual([]);
    });
  }
});

describe('a proto override that takes a removed code\'s reserved name', () => {
  it('is refused: protoc would reject the value', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'errors.yaml'),
      'groups:\n  - title: G\n    codes:\n      - { code: GONE, status: 410, message: Gone, solution: "", removed: true }\n      - { code: NEW, status: 400, message: New, solution: "", names: { proto: ERROR_CODE_GONE } }\n',
    );
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'protobuf'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('errors.yaml:5:9: error: the proto name ERROR_CODE_GONE of NEW is reserved for the removed code GONE. A removed code keeps its name reserved');
    // Without the removed code, the same name is fine.
    writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: G\n    codes:\n      - { code: NEW, status: 400, message: New, solution: "", names: { proto: ERROR_CODE_GONE } }\n');
    expect(errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'protobuf'], { cwd: dir }).code).toBe(0);
  });
});
