import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { generateInto, runTool, seedCatalog } from './harness.js';
import { type MessageCase, messageCases, messagesCatalog, paramOrder, requestedLocales, seedFormatterExpectations, type Value } from './messages-harness.js';
import { rustJsonFn } from './toolchains.js';

/**
 * The rust target's message formatters, proven on the shared messages catalog: the module is
 * rustfmt-clean, builds with -D warnings and passes clippy::pedantic and rustdoc; each case's
 * struct returns exactly the expected message and solution; wrong struct literals do not compile.
 */

/** Numbers JavaScript writes in every layout it has: exponents both ways, -0, the extremes. */
const edgeNumbers = [1e21, 1.5e300, 1e-7, 0.000001, -0, 5e-324, 123456789012345680000, 2 ** 53, 1 / 3, Number.NaN, Infinity, -Infinity];

/** The first cargo build compiles std's debug artifacts into an empty target folder: allow for it. */
const toolchainTimeout = 240_000;

/** The struct of a harness code, named as its variant: `NOT_FOUND` → `NotFound`. */
const structOf = (code: string) => code.toLowerCase().replace(/(?:^|_)([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The field of a parameter: a keyword or the formatters' `locale`/`params` gets a `_`. */
const fieldOf = (name: string) => (['type', 'self', 'locale', 'params'].includes(name) ? `${name}_` : name);

/** A Rust string literal: written independently of src/lang/rust.ts. */
function rustString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    out += ch === '"' || ch === '\\' ? `\\${ch}` : cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 ? `\\u{${cp.toString(16)}}` : ch;
  }
  return `${out}"`;
}

/** A value as a Rust expression of the field's type. */
function literal(value: Value, type: string): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `${rustString(value)}.to_owned()`;
  if (type === 'integer') return String(value);
  if (Number.isNaN(value)) return 'f64::NAN';
  if (!Number.isFinite(value)) return value > 0 ? 'f64::INFINITY' : 'f64::NEG_INFINITY';
  return Object.is(value, -0) ? '-0.0_f64' : `${String(value)}_f64`;
}

/** The struct literal for one case: `messages::NotFound { resource: "user".to_owned(), id: 42 }`. */
function struct(c: MessageCase): string {
  const params = paramOrder[c.code] ?? [];
  if (params.length === 0) return `messages::${structOf(c.code)}`;
  const fields = params.map((p, i) => `${fieldOf(p.name)}: ${literal(c.args[i] as Value, p.type)}`);
  return `messages::${structOf(c.code)} { ${fields.join(', ')} }`;
}

/** Builds a binary crate around the module and `main.rs` with -D warnings; returns cargo's result. */
function cargoBuild(crate: string, module: string, main: string, dir: string) {
  mkdirSync(join(crate, 'src'), { recursive: true });
  writeFileSync(join(crate, 'Cargo.toml'), '[package]\nname = "messages"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n');
  writeFileSync(join(crate, 'src', 'error_codes.rs'), readFileSync(module));
  writeFileSync(join(crate, 'src', 'main.rs'), main);
  const env = { ...process.env, CARGO_TARGET_DIR: join(dir, 'target'), RUSTFLAGS: '-D warnings', CARGO_TERM_COLOR: 'never' };
  const result = spawnSync('cargo', ['build', '--offline', '--quiet', '--message-format=short'], { cwd: crate, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

describe('rust target: typed message formatters', () => {
  const dir = tempDir();
  let module = '';
  const cases = messageCases();

  beforeAll(() => {
    module = generateInto(dir, messagesCatalog, 'rust', { module: 'error_codes', typeName: 'ErrorCode' });
  });

  it('gives each code a struct with a typed field per parameter, in order', () => {
    const source = readFileSync(module, 'utf8');
    expect(source).toContain('\n    pub struct NotFound {\n        pub resource: std::string::String,\n        /// The id that was looked up\n        pub id: i64,\n    }\n');
    expect(source).toContain('\n    pub struct Quota {\n        pub ratio: f64,\n        pub strict: bool,\n        pub seconds: i64,\n    }\n');
    expect(source).toContain('\n        pub type_: std::string::String,\n        pub class: std::string::String,\n        pub locale_: std::string::String,\n');
    expect(source).toContain('\n    pub struct Plain;\n');
  });

  it('is rustfmt-clean, clean under clippy::pedantic and rustdoc -D warnings as a library', () => {
    runTool('rustfmt', ['--check', '--edition', '2021', module], { cwd: dir });
    const lib = join(dir, 'lib');
    mkdirSync(join(lib, 'src'), { recursive: true });
    writeFileSync(join(lib, 'Cargo.toml'), '[package]\nname = "errors"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[lib]\npath = "src/error_codes.rs"\n\n[dependencies]\n');
    writeFileSync(join(lib, 'src', 'error_codes.rs'), readFileSync(module));
    const env = { CARGO_TARGET_DIR: join(dir, 'target'), CARGO_TERM_COLOR: 'never', RUSTDOCFLAGS: '-D warnings' };
    runTool('cargo', ['clippy', '--offline', '--quiet', '--', '-D', 'warnings', '-W', 'clippy::pedantic'], { cwd: lib, env });
    runTool('cargo', ['doc', '--offline', '--quiet', '--no-deps'], { cwd: lib, env });
  }, toolchainTimeout);

  it('builds with -D warnings and returns, run, exactly the expected texts for every case', () => {
    const main = `mod error_codes;

use error_codes::{messages, resolve_locale, ErrorCode, Message};

${rustJsonFn}

fn pair(m: &dyn Message, locale: &str) -> String {
    format!("[{},{}]", json(&m.message(locale)), json(&m.solution(locale)))
}

fn main() {
    let results = [
${cases.map((c) => `        pair(&${struct(c)}, ${rustString(c.requested)}),`).join('\n')}
    ];
    let edge: Vec<String> = [${edgeNumbers.map((n) => literal(n, 'number')).join(', ')}]
        .iter()
        .map(|ratio| json(&messages::Quota { ratio: *ratio, strict: true, seconds: 0 }.message("en")))
        .collect();
    let resolved: Vec<String> = [${Object.keys(requestedLocales).map(rustString).join(', ')}]
        .iter()
        .map(|tag| format!("{}:{}", json(tag), json(resolve_locale(tag))))
        .collect();
    let locales: Vec<String> = error_codes::locales().map(json).collect();
    let templates = [
        ErrorCode::Quota.message_in("de-AT"),
        ErrorCode::Quota.message_in(error_codes::DEFAULT_LOCALE),
        ErrorCode::Plain.solution_in("zh-HK"),
    ];
    let code = messages::Escapes { value: String::new() }.code();
    println!(
        "{{\\"results\\":[{}],\\"edge\\":[{}],\\"resolved\\":{{{}}},\\"locales\\":[{}],\\"templates\\":[{}],\\"code\\":{}}}",
        results.join(","),
        edge.join(","),
        resolved.join(","),
        locales.join(","),
        templates.map(json).join(","),
        json(code.as_str())
    );
}
`;
    const crate = join(dir, 'run');
    const built = cargoBuild(crate, module, main, dir);
    expect(built.status, built.stderr).toBe(0);
    const report = JSON.parse(runTool(join(dir, 'target', 'debug', 'messages'), [], { cwd: crate })) as Record<string, unknown>;

    expect(report['results']).toStrictEqual(cases.map((c) => [c.message, c.solution]));
    expect(report['edge']).toStrictEqual(edgeNumbers.map((n) => `Used ${String(n)} of {quota}; strict=true`));
    expect(report['resolved']).toStrictEqual(requestedLocales);
    expect(report['locales']).toStrictEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
    // The templates themselves, braces and placeholders as written; PLAIN's zh-HK solution falls back to the default's, empty.
    expect(report['templates']).toStrictEqual(['{ratio} von {{quota}} verbraucht; strikt={strict}', 'Used {ratio} of {{quota}}; strict={strict}', '']);
    expect(report['code']).toBe('ESCAPES');
  }, toolchainTimeout);

  it('does not compile a struct with a missing, mistyped or unknown field', () => {
    const wrong: ReadonlyArray<{ expr: string; error: string; says: string }> = [
      { expr: 'messages::NotFound { resource: "user".to_owned() }', error: 'E0063', says: 'missing field `id` in initializer of `messages::NotFound`' },
      { expr: 'messages::NotFound { resource: "user".to_owned(), id: "42" }', error: 'E0308', says: 'mismatched types: expected `i64`, found `&str`' },
      { expr: 'messages::Quota { ratio: 1.5, strict: "yes", seconds: 1 }', error: 'E0308', says: 'mismatched types: expected `bool`, found `&str`' },
      { expr: 'messages::Quota { ratio: 1.5, strict: true, seconds: 1.5 }', error: 'E0308', says: 'mismatched types: expected `i64`, found floating-point number' },
      { expr: 'messages::Plain { extra: 1 }', error: 'E0560', says: 'has no field named `extra`' },
    ];
    const main = `mod error_codes;

use error_codes::{messages, Message};

fn main() {
${wrong.map((w) => `    println!("{}", ${w.expr}.message("en"));`).join('\n')}
}
`;
    const built = cargoBuild(join(dir, 'wrong'), module, main, dir);
    expect(built.status, 'rustc must fail').not.toBe(0);
    // `src/main.rs:6:20: error[E0063]: missing field …`, one per wrong line (5 + i).
    const errors = built.stderr
      .split('\n')
      .map((line) => /^src\/main\.rs:(\d+):\d+: error\[(E\d+)\]: (.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ line: Number(m[1]), error: m[2], says: m[3] }));
    expect(errors.map((e) => [e.line, e.error])).toStrictEqual(wrong.map((w, i) => [6 + i, w.error]));
    errors.forEach((e, i) => expect(e.says).toContain(wrong[i]!.says));
  }, toolchainTimeout);
});

describe('rust target on the seed catalog', () => {
  it('formats its Chinese translations, falling back to English', () => {
    const dir = tempDir();
    const module = generateInto(dir, readFileSync(seedCatalog, 'utf8'), 'rust', { module: 'error_codes', typeName: 'ErrorCode' });
    const main = `mod error_codes;

use error_codes::{messages, Message};

${rustJsonFn}

fn main() {
    let support = messages::ArgumentNotSupport { argument: "page_size".to_owned() };
    let format = messages::ArgumentWrongFormat { argument: "page_size".to_owned(), format: "an integer".to_owned() };
    let texts = [
        support.message("zh-CN"),
        support.solution("zh_cn"),
        support.message(""),
        format.message("zh-CN"),
        messages::NotFound.message("zh-Hans-CN"),
    ];
    println!("[{}]", texts.iter().map(|t| json(t)).collect::<Vec<_>>().join(","));
}
`;
    const crate = join(dir, 'seed');
    const built = cargoBuild(crate, module, main, dir);
    expect(built.status, built.stderr).toBe(0);
    expect(JSON.parse(runTool(join(dir, 'target', 'debug', 'messages'), [], { cwd: crate }))).toStrictEqual(seedFormatterExpectations());
  }, toolchainTimeout);
});
