import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { java } from '../../src/lang/java.js';
import { errgen, tempDir } from '../helpers/cli.js';
import { expectedFrom, hostileCatalog, runTool } from './harness.js';
import { fillReference, type MessageCase, messageCases, messagesCatalog, paramOrder, printed, type Value } from './messages-harness.js';
import { javaJsonMethod } from './toolchains.js';

/** The typed methods' stem per code (`notFoundMessage`): written out, so a naming change shows here. */
const stems: Readonly<Record<string, string>> = { NOT_FOUND: 'notFound', QUOTA: 'quota', KEYWORDS: 'keywords', ESCAPES: 'escapes', PLAIN: 'plain' };

/** A Java literal of a value: these JSON strings are Java string literals too (no `\u`, no line breaks). */
function javaLiteral(value: Value): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A Locale for a requested tag: a Locale has no `_`, so `zh_cn` is asked for as `zh-cn`. */
const localeOf = (c: MessageCase) => `locale(${JSON.stringify(c.requested)})`;

/** The two calls that give a case's message and solution: the typed methods, or message(Locale)/solution(Locale) for a code without parameters. */
function calls(c: MessageCase): [string, string] {
  if ((paramOrder[c.code] ?? []).length === 0) return [`ErrorCode.${c.code}.message(${localeOf(c)})`, `ErrorCode.${c.code}.solution(${localeOf(c)})`];
  const args = [localeOf(c), ...c.args.map(javaLiteral)].join(', ');
  const stem = stems[c.code] as string;
  return [`ErrorCode.${stem}Message(${args})`, `ErrorCode.${stem}Solution(${args})`];
}

/** The driver programs' helpers: JSON of a string, a message and solution pair, a locale from a tag. */
const driverMethods = `${javaJsonMethod}
    static String pair(String message, String solution) {
        return "[" + json(message) + "," + json(solution) + "]";
    }

    static Locale locale(String tag) {
        return Locale.forLanguageTag(tag.replace('_', '-'));
    }
`;

/** Prints every case's message and solution from the typed methods, then what the untyped ones give. */
const formatterProgram = (cases: readonly MessageCase[]) => `import errors.ErrorCode;
import java.util.Locale;
import java.util.StringJoiner;

public final class Formatters {
    private Formatters() {
    }

    public static void main(String[] args) {
        StringJoiner cases = new StringJoiner(",", "[", "]");
${cases.map((c) => `        cases.add(pair(${calls(c).join(', ')}));`).join('\n')}
        StringJoiner locales = new StringJoiner(",", "[", "]");
        ErrorCode.locales().forEach(l -> locales.add(json(l.toLanguageTag())));
        StringJoiner preview = new StringJoiner(",", "[", "]");
        preview.add(json(ErrorCode.NOT_FOUND.message(Locale.GERMAN)));
        preview.add(json(ErrorCode.QUOTA.message(Locale.ENGLISH)));
        preview.add(json(ErrorCode.QUOTA.solution(Locale.forLanguageTag("de-CH"))));
        preview.add(json(ErrorCode.NOT_FOUND.message(null)));
        System.out.println("{\\"cases\\":" + cases + ",\\"locales\\":" + locales + ",\\"preview\\":" + preview + "}");
    }
${driverMethods}}
`;

/** What a Java program sees of a requested locale in the bundles: ResourceBundle's own candidate list, not errgen's matching. */
const bundleLocale: Readonly<Record<string, string>> = {
  // ResourceBundle looks for zh_Hant_HK, zh_Hant, then zh_HK: it finds the zh-HK bundle, where errgen's formatters fall back to the default.
  'zh-Hant-HK': 'zh-HK',
};

/**
 * Loads each case's bundle with ResourceBundle.getBundle (no fallback to the JVM's default locale,
 * so the run does not depend on the machine) and formats its patterns with MessageFormat, the
 * arguments passed as the strings the formatters print.
 */
const bundleProgram = (cases: readonly MessageCase[]) => `import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.StringJoiner;

public final class Bundles {
    private Bundles() {
    }

    static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    static String format(String tag, String key, Object... args) {
        Locale locale = locale(tag);
        ResourceBundle bundle = ResourceBundle.getBundle("errors.ErrorMessages", locale, CONTROL);
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public static void main(String[] args) {
        StringJoiner cases = new StringJoiner(",", "[", "]");
${cases
  .map((c) => {
    const values = `new Object[] {${c.args.map((v) => JSON.stringify(printed(v))).join(', ')}}`;
    const tag = JSON.stringify(c.requested);
    return `        cases.add(pair(format(${tag}, ${JSON.stringify(`${c.code}.message`)}, ${values}), format(${tag}, ${JSON.stringify(`${c.code}.solution`)}, ${values})));`;
  })
  .join('\n')}
        // A number argument is formatted the locale's way: why the cases pass strings.
        String grouped = format("en", "QUOTA.solution", 1.5, true, 86400L);
        System.out.println("{\\"cases\\":" + cases + ",\\"grouped\\":" + json(grouped) + "}");
    }
${driverMethods}}
`;

/** Writes the catalog and a config with the given targets into `dir`, runs the CLI, returns the files it wrote. */
function generateTargets(dir: string, targets: string, catalog = messagesCatalog): string[] {
  writeFileSync(join(dir, 'errors.yaml'), catalog);
  writeFileSync(join(dir, 'errgen.config.yaml'), `catalog: errors.yaml\noutDir: out\ntargets:\n${targets}`);
  const result = errgen(['generate'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return [...result.stdout.matchAll(/^wrote (.+)$/gm)].map((m) => m[1] as string);
}

/** Compiles with every lint as an error; the sources are UTF-8. */
function javac(dir: string, files: readonly string[]): void {
  mkdirSync(join(dir, 'classes'), { recursive: true });
  runTool('javac', ['-J-XX:TieredStopAtLevel=1', '-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', 'classes', ...files], { cwd: dir });
}

/** Compiles a program that must not compile, and returns what javac said. */
function javacFails(dir: string, name: string, call: string): string {
  const file = join(dir, `${name}.java`);
  writeFileSync(file, `import errors.ErrorCode;\nimport java.util.Locale;\n\nfinal class ${name} {\n    String wrong() {\n        return ${call};\n    }\n}\n`);
  const result = spawnSync('javac', ['-J-XX:TieredStopAtLevel=1', '-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-cp', 'classes', '-d', 'wrong', file], { cwd: dir, encoding: 'utf8' });
  if (result.error) throw result.error;
  expect(result.status, `javac ${name}.java must fail`).not.toBe(0);
  return result.stderr;
}

interface FormatterRun {
  cases: Array<[string, string]>;
  locales: string[];
  preview: string[];
}

/** Generates the java target (enum, or class with enumLimit 0), compiles it with the formatter program and runs it. */
function buildFormatters(enumLimit: string): { dir: string; source: string; run: FormatterRun } {
  const dir = tempDir();
  const [file] = generateTargets(dir, `  java:\n    options:\n      package: errors\n      enumLimit: "${enumLimit}"\n`);
  writeFileSync(join(dir, 'Formatters.java'), formatterProgram(messageCases()));
  javac(dir, [file as string, 'Formatters.java']);
  const run = JSON.parse(runTool('java', ['-cp', 'classes', 'Formatters'], { cwd: dir })) as FormatterRun;
  return { dir, source: readFileSync(join(dir, file as string), 'utf8'), run };
}

function expectFormatsEveryCase(run: FormatterRun): void {
  expect(run.cases).toEqual(messageCases().map((c) => [c.message, c.solution]));
  expect(run.locales).toEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
  // Without arguments a placeholder shows as written; literal braces read as one; null is the default locale.
  expect(run.preview).toEqual(['Ressource "{resource}" mit ID {id} wurde nicht gefunden', 'Used {ratio} of {quota}; strict={strict}', '{seconds} s warten', 'Resource "{resource}" with id {id} was not found']);
}

/** The compiler's complaints about a missing and a mistyped argument. */
function expectWrongCallsFail(dir: string, kind: 'enum' | 'class'): void {
  const missing = javacFails(dir, 'Missing', 'ErrorCode.notFoundMessage(Locale.ENGLISH, "user")');
  expect(missing).toContain(`error: method notFoundMessage in ${kind} ErrorCode cannot be applied to given types;`);
  expect(missing).toContain('reason: actual and formal argument lists differ in length');
  expect(javacFails(dir, 'Mistyped', 'ErrorCode.notFoundMessage(Locale.ENGLISH, "user", "42")')).toContain('error: incompatible types: String cannot be converted to long');
  expect(javacFails(dir, 'Swapped', 'ErrorCode.quotaSolution(Locale.ENGLISH, true, 1.5, 0)')).toContain('error: incompatible types: boolean cannot be converted to double');
}

describe('java target: typed message formatters', () => {
  it('compiles the enum with -Xlint:all -Werror and formats every case exactly; a wrong call does not compile', () => {
    const { dir, source, run } = buildFormatters('1000');
    expect(source).toContain('\npublic enum ErrorCode {\n');
    expect(source).toContain(
      '    public static String notFoundMessage(Locale locale, String resource, long id) {\n        return NOT_FOUND.format(locale, false, "resource", resource, "id", id);\n    }\n',
    );
    expect(source).toContain('    public static String quotaSolution(Locale locale, double ratio, boolean strict, long seconds) {\n');
    expect(source).toContain('    public static String keywordsMessage(Locale locale, String type, String class_, String locale_, String func, String self, String default_, String params_, String string) {\n');
    // A code without placeholders gets no methods: message(Locale) formats it.
    expect(source).not.toContain('plainMessage');
    expectFormatsEveryCase(run);
    expectWrongCallsFail(dir, 'enum');
  }, 120_000);

  it('does the same in the class form used above enumLimit', () => {
    const { dir, source, run } = buildFormatters('0');
    expect(source).toContain('\npublic final class ErrorCode implements\n');
    expect(source).toContain('        return All.VALUES[0].format(locale, false, "resource", resource, "id", id);\n');
    expect(source).toContain('    static void translate2(String[] messages, String[] solutions) {\n        messages[0] = "找不到资源「{resource}」（编号 {id}）";\n');
    expectFormatsEveryCase(run);
    expectWrongCallsFail(dir, 'class');
  }, 120_000);
});

describe('java-properties target: resource bundles', () => {
  it('writes a base bundle and one per locale that ResourceBundle loads and MessageFormat formats exactly', () => {
    const dir = tempDir();
    const written = generateTargets(dir, '  java-properties:\n    options:\n      package: errors\n');
    const names = ['ErrorMessages.properties', 'ErrorMessages_de.properties', 'ErrorMessages_zh_CN.properties', 'ErrorMessages_zh_TW.properties', 'ErrorMessages_zh_HK.properties'];
    expect(written).toEqual(names.map((n) => `out/java/errors/${n}`));
    expect(readdirSync(join(dir, 'out/java/errors')).sort()).toEqual([...names].sort());

    const base = readFileSync(join(dir, 'out/java/errors/ErrorMessages.properties'), 'utf8');
    // ASCII only; MessageFormat's quoting; .properties escapes.
    expect(base).toMatch(/^[\x20-\x7e\n]*$/);
    expect(base).toContain('\nNOT_FOUND.message=Resource "{0}" with id {1} was not found\n');
    expect(base).toContain("\nQUOTA.message=Used {0} of '{'quota'}'; strict={1}\n");
    expect(base).toContain(`\nESCAPES.message=Line\\nbreak {0} tab\\tend \\u2028 */ --> </script> \\\\ "q" ''a'' $'{'x'}' %s %d\n`);
    expect(readFileSync(join(dir, 'out/java/errors/ErrorMessages_zh_CN.properties'), 'utf8')).toContain(
      '\nNOT_FOUND.message=\\u627e\\u4e0d\\u5230\\u8d44\\u6e90\\u300c{0}\\u300d\\uff08\\u7f16\\u53f7 {1}\\uff09\n',
    );

    const cases = messageCases();
    writeFileSync(join(dir, 'Bundles.java'), bundleProgram(cases));
    javac(dir, ['Bundles.java']);
    const run = JSON.parse(runTool('java', ['-cp', `classes:out/java`, 'Bundles'], { cwd: dir })) as { cases: Array<[string, string]>; grouped: string };
    const expected = (c: MessageCase) => {
      const as = bundleLocale[c.requested];
      return as === undefined ? c : (cases.find((o) => o.code === c.code && o.requested === as && o.values === c.values) as MessageCase);
    };
    expect(run.cases).toEqual(cases.map((c) => [expected(c).message, expected(c).solution]));
    expect(run.grouped).toBe('Wait 86,400 s or raise the limit');
  }, 120_000);
});

/** Codes and texts that .properties syntax and MessageFormat quoting must survive, beside the hostile catalog's. */
const propertiesSyntax = `  - title: Properties syntax
    codes:
      - code: "key with spaces=and:colons#hash!bang"
        status: 400
        message: " leading space, = : # ! \\\\ and a trailing backslash \\\\"
        solution: "\\tleading tab"
      - code: "#looks-like-a-comment"
        status: 400
        message: "# not a comment"
        solution: "! not one either"
      - code: "!bang"
        status: 400
        message: "it's {who}'s {{literal}} '{quoted}' '' {{}}"
        solution: "{who} {{ }} ' {"
`;

/** Placeholders in order of first use in the message, then the solution: the order of undeclared parameters. */
function placeholderOrder(...templates: string[]): string[] {
  const names: string[] = [];
  for (const template of templates) {
    for (const match of template.matchAll(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) if (match[1] !== undefined && !names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

describe('java-properties target: escaping', () => {
  it('writes keys and values that java.util.Properties reads back (as ISO-8859-1) and MessageFormat turns into each text', async () => {
    const catalog = readFileSync(hostileCatalog, 'utf8') + propertiesSyntax;
    const dir = tempDir();
    generateTargets(dir, '  java-properties:\n    options:\n      package: errors\n', catalog);
    const { codes } = await expectedFrom(catalog);
    const base = readFileSync(join(dir, 'out/java/errors/ErrorMessages.properties'), 'utf8');
    expect(base).toMatch(/^[\x20-\x7e\n]*$/);
    expect(base).toContain('\nkey\\ with\\ spaces\\=and\\:colons\\#hash\\!bang.message=\\ leading space, = : # ! \\\\ and a trailing backslash \\\\\n');
    expect(base).toContain('\n\\#looks-like-a-comment.solution=! not one either\n');

    // Each placeholder is given its own name in braces, so the text must come back as the template reads.
    const formats = codes.flatMap((c) => {
      const names = placeholderOrder(c.message, c.solution);
      const args = `new Object[] {${names.map((n) => java.stringLiteral(`{${n}}`)).join(', ')}}`;
      return ['message', 'solution'].map((field) => `        out.add(json(${java.stringLiteral(`${c.code}.${field}`)}) + ":" + json(new MessageFormat(props.getProperty(${java.stringLiteral(`${c.code}.${field}`)}), Locale.ROOT).format(${args})));`);
    });
    writeFileSync(
      join(dir, 'Props.java'),
      `import java.io.FileInputStream;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeSet;

public final class Props {
    private Props() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (InputStream in = new FileInputStream("out/java/errors/ErrorMessages.properties")) {
            props.load(in);
        }
        StringJoiner keys = new StringJoiner(",", "[", "]");
        new TreeSet<>(props.stringPropertyNames()).forEach(k -> keys.add(json(k)));
        StringJoiner out = new StringJoiner(",", "{", "}");
${formats.join('\n')}
        System.out.println("{\\"keys\\":" + keys + ",\\"texts\\":" + out + "}");
    }
${driverMethods}}
`,
    );
    javac(dir, ['Props.java']);
    const run = JSON.parse(runTool('java', ['-cp', 'classes', 'Props'], { cwd: dir })) as { keys: string[]; texts: Record<string, string> };

    const keys = codes.flatMap((c) => [`${c.code}.message`, `${c.code}.solution`]);
    expect(run.keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const shown = (template: string) => fillReference(template, Object.fromEntries(placeholderOrder(template).map((n) => [n, `{${n}}`])));
    expect(run.texts).toEqual(Object.fromEntries(codes.flatMap((c) => [[`${c.code}.message`, shown(c.message)], [`${c.code}.solution`, shown(c.solution)]])));
  }, 120_000);
});
