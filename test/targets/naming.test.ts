import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Catalog, CatalogCode } from '../../src/catalog/model.js';
import { errgen, tempDir } from '../helpers/cli.js';
import { seedCatalog } from './harness.js';

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
