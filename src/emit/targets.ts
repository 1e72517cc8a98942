import { goKeywords } from '../lang/go.js';
import { javaKeywords } from '../lang/java.js';
import { pythonKeywords } from '../lang/python.js';
import { rustKeywords } from '../lang/rust.js';
import { closestMatch, didYouMean } from '../closest-match.js';
import { packagePath } from '../package-root.js';

/** One option of a built-in target, described once: the README table and the checks derive from it. */
export interface OptionSpec {
  readonly default: string;
  readonly description: string;
  /** The values allowed, when it is a choice. */
  readonly values?: readonly string[];
  /** What a free-form value must look like, and how to say so. */
  readonly pattern?: { readonly regex: RegExp; readonly means: string };
  /** Words the value (each segment of a dotted one) may not be: the language's keywords, which its compiler rejects there. */
  readonly reserved?: { readonly words: ReadonlySet<string>; readonly means: string };
}

/** A target errgen ships: its template folder under templates/, default output and options. */
export interface BuiltinTarget {
  readonly name: string;
  readonly description: string;
  /** Output path relative to the output folder, given the target's options. */
  readonly defaultOutput: (options: Readonly<Record<string, unknown>>) => string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** The ids of the languages whose identifiers its templates print (`names.go` …): codes must have a name in these. */
  readonly names: readonly string[];
}

const identifier = { regex: /^[A-Za-z_][A-Za-z0-9_]*$/, means: 'an identifier (ASCII letters, digits and _, not starting with a digit)' };
const goPackage = { regex: /^[a-z][a-z0-9_]*$/, means: 'a lower-case Go package name' };
const pythonModule = { regex: /^[a-z_][a-z0-9_]*$/, means: 'a lower-case Python module name' };
const rustModule = { regex: /^[a-z_][a-z0-9_]*$/, means: 'a lower-case Rust module name' };
const protoPackage = { regex: /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$/, means: 'a dotted lower-case proto package name' };
const javaPackage = { regex: /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$/, means: 'a dotted lower-case Java package name' };

// Only the words each compiler rejects as a name: contextual keywords (Java's `record`, Python's
// `match`, Rust's `union`) and predeclared names (Go's `string`) are valid package and module names.
const goReserved = { words: goKeywords, means: 'a Go keyword' };
const javaReserved = { words: javaKeywords, means: 'a Java keyword or literal' };
const pythonReserved = { words: pythonKeywords, means: 'a Python keyword' };
const rustReserved = { words: rustKeywords, means: 'a Rust keyword' };

export const builtinTargets: readonly BuiltinTarget[] = [
  {
    name: 'typescript',
    names: ['ts'],
    description: 'a string enum ErrorCode (or a const object and union type), metadata record, type guard, parser, status lookups and a typed message formatter',
    defaultOutput: () => 'typescript/error-codes.ts',
    options: {
      style: { default: 'enum', values: ['enum', 'const'], description: '`enum`, or `const`: a const object plus a union type, for type stripping (`erasableSyntaxOnly`)' },
      typeName: { default: 'ErrorCode', pattern: identifier, description: 'name of the enum (or const object and type)' },
    },
  },
  {
    name: 'messages-json',
    names: [],
    description: 'one JSON file per locale, `{ "CODE": { "message", "solution" } }` with fallback applied, in ICU MessageFormat as FormatJS (intl-messageformat, react-intl) reads it',
    defaultOutput: () => 'messages/{locale}.json',
    options: {},
  },
  {
    name: 'openapi',
    names: ['ts'],
    description: 'OpenAPI components: the ErrorCode enum, the error body schema (or RFC 9457 problem details), a response per error status with an example per code and per translation, message parameters typed per code',
    defaultOutput: (options) => `openapi/errors.${options['format'] === 'json' ? 'json' : 'yaml'}`,
    options: {
      version: { default: '3.1', values: ['3.1', '3.0'], description: 'OpenAPI version: 3.1.0 or 3.0.3' },
      format: { default: 'yaml', values: ['yaml', 'json'], description: 'file format (also the default file extension)' },
      body: { default: 'error', values: ['error', 'problem'], description: '`error`: the `Error` body (`code`, `message`, `solution`) as `application/json`; `problem`: RFC 9457 problem details as `application/problem+json`' },
      problemBaseUrl: {
        default: 'https://example.com/errors',
        pattern: { regex: /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]+)?(?:\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$/, means: 'an absolute http(s) URL without query or fragment' },
        description: "with `body: problem`, where the error codes page is published: each code's problem `type` is `<problemBaseUrl>#<anchor>`, the code's anchor on the `docs` and `html` pages",
      },
    },
  },
  {
    name: 'go',
    names: ['go'],
    description: 'a Go package: type Code string, a constant per code, Status/Statuses/Message/Solution methods, Parse, CodesForStatus, an Error type, typed message functions per locale',
    defaultOutput: (options) => `go/${String(options['package'])}/${String(options['package'])}.go`,
    options: {
      package: { default: 'errcodes', pattern: goPackage, reserved: goReserved, description: 'Go package name (also the default folder and file name)' },
      typeName: { default: 'Code', pattern: identifier, reserved: goReserved, description: 'name of the code type' },
    },
  },
  {
    name: 'java',
    names: ['java'],
    description: 'a Java enum ErrorCode with code(), status(), statuses(), message(), solution(), fromCode(String) returning Optional, codesForStatus(int), and typed message methods per locale',
    defaultOutput: (options) => `java/${String(options['package']).replace(/\./g, '/')}/${String(options['typeName'])}.java`,
    options: {
      package: { default: 'errors', pattern: javaPackage, reserved: javaReserved, description: 'Java package (also the default folder)' },
      typeName: { default: 'ErrorCode', pattern: identifier, reserved: javaReserved, description: 'name of the enum (also the file name)' },
      enumLimit: {
        default: '1000',
        pattern: { regex: /^(?:0|[1-9][0-9]*)$/, means: 'a whole number' },
        description: 'the most codes written as an enum; above it, a final class of constants in blocks of 1,000 (javac rejects an enum of about 1,900)',
      },
    },
  },
  {
    name: 'java-properties',
    names: [],
    description: 'Java resource bundles, one `.properties` file per locale (the default locale is the base bundle): `CODE.message` and `CODE.solution` as java.text.MessageFormat patterns, for ResourceBundle and Spring\'s MessageSource',
    defaultOutput: (options) => `java/${String(options['package']).replace(/\./g, '/')}/${String(options['bundle'])}{_locale_}.properties`,
    options: {
      package: { default: 'errors', pattern: javaPackage, reserved: javaReserved, description: 'Java package the bundle belongs to (also the default folder): the bundle is `<package>.<bundle>`' },
      bundle: { default: 'ErrorMessages', pattern: identifier, reserved: javaReserved, description: 'the bundle\'s base name (also the file names: `ErrorMessages.properties`, `ErrorMessages_zh_CN.properties`)' },
    },
  },
  {
    name: 'json',
    names: [],
    description: 'the catalog as plain JSON (locales, groups, then codes with statuses, message, solution, group, extra columns, parameters, texts per locale and, for a code listed more than once, each of its rows), for runtime and docs consumers in any language',
    defaultOutput: () => 'json/errors.json',
    options: {},
  },
  {
    name: 'docs',
    names: [],
    description: 'a Markdown page, one table per group in the source column order, an anchor per code, placeholders marked, parameters listed, a table per translation; `errgen import` reads it back into the same catalog',
    defaultOutput: () => 'docs/error-codes.md',
    options: {
      title: { default: 'Error codes', description: 'the page title' },
    },
  },
  {
    name: 'html',
    names: [],
    description: 'one self-contained HTML page: a table per group, live search, a status-class filter, a link per code (the same anchors as the Markdown page), placeholders marked, a language switcher, light and dark themes, phone and print layouts',
    defaultOutput: () => 'docs/error-codes.html',
    options: {
      title: { default: 'Error codes', description: 'the page title' },
    },
  },
  {
    name: 'python',
    names: ['python'],
    description: "a Python module: a str-valued Enum with status, statuses, message, solution and gRPC status per code, parse() returning None for unknown codes, and typed functions filling in each code's message and solution in a locale",
    defaultOutput: (options) => `python/${String(options['module'])}.py`,
    options: {
      module: { default: 'error_codes', pattern: pythonModule, reserved: pythonReserved, description: 'module name (the file name)' },
      typeName: { default: 'ErrorCode', pattern: identifier, reserved: pythonReserved, description: 'name of the Enum class' },
    },
  },
  {
    name: 'rust',
    names: ['rust'],
    description: 'a Rust module: an enum with Display, FromStr (aliases included, an error for unknown codes), status, message, solution and gRPC accessors, and a struct per code filling in its message and solution in a locale, std only',
    defaultOutput: (options) => `rust/${String(options['module'])}.rs`,
    options: {
      module: { default: 'error_codes', pattern: rustModule, reserved: rustReserved, description: 'module name (the file name): `mod error_codes;`' },
      typeName: { default: 'ErrorCode', pattern: identifier, reserved: rustReserved, description: 'name of the enum; its parse error is `Unknown<typeName>`' },
    },
  },
  {
    name: 'protobuf',
    names: ['proto'],
    description: 'a Protocol Buffers (proto3) enum ErrorCode with stable numbers, `reserved` numbers and names for retired codes, `[deprecated = true]` where due',
    defaultOutput: (options) => `protobuf/${String(options['package']).replace(/\./g, '/')}/error_code.proto`,
    options: {
      package: { default: 'errors.v1', pattern: protoPackage, description: 'proto package (also the default folder, as `buf lint` wants)' },
    },
  },
  {
    name: 'jsonschema',
    names: [],
    description: 'a JSON Schema (2020-12) of the error body, with the codes as constants, message parameters typed per code, and a definition per error status that narrows the code, for validators outside OpenAPI',
    defaultOutput: () => 'jsonschema/error.schema.json',
    options: {},
  },
];

export function builtinTarget(name: string): BuiltinTarget | undefined {
  return builtinTargets.find((t) => t.name === name);
}

/** Other names people give the built-in targets: too far from the name for a spelling match. */
const otherNames: ReadonlyMap<string, string> = new Map([
  ['golang', 'go'], ['ts', 'typescript'], ['py', 'python'], ['rs', 'rust'], ['proto', 'protobuf'], ['swagger', 'openapi'], ['oas', 'openapi'],
  ['json-schema', 'jsonschema'], ['md', 'docs'], ['markdown', 'docs'],
]);

/** The target a name most likely means, among `names`: a near spelling or another name for it (`golang` → `go`). */
export function meantTarget(name: string, names: readonly string[]): string | undefined {
  const other = otherNames.get(name.toLowerCase());
  return other !== undefined && names.includes(other) ? other : closestMatch(name, names);
}

export function builtinTemplatePath(name: string): string {
  return packagePath('templates', name, 'main.hbs');
}

export function defaultOptions(target: BuiltinTarget): Record<string, string> {
  return Object.fromEntries(Object.entries(target.options).map(([name, spec]) => [name, spec.default]));
}

/** A problem with one option of a target, as a sentence. */
export interface OptionProblem {
  readonly option: string;
  readonly message: string;
}

/** Problems with a built-in target's options; empty when they are fine. Unknown options are errors too. */
export function optionProblems(target: BuiltinTarget, options: Readonly<Record<string, unknown>>, fromTemplate: boolean): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const [name, value] of Object.entries(options)) {
    const problem = (message: string) => problems.push({ option: name, message });
    const spec = target.options[name];
    if (!spec) {
      // A custom template over a built-in may take options of its own.
      const names = Object.keys(target.options);
      if (!fromTemplate) problem(`unknown option "${name}"${didYouMean(name, names)}; the options are: ${names.join(', ') || 'none'}`);
      continue;
    }
    if (typeof value !== 'string') problem(`option "${name}" must be text, not ${JSON.stringify(value)}`);
    else if (spec.values && !spec.values.includes(value)) problem(`option "${name}" must be one of ${spec.values.join(', ')}, not "${value}"`);
    else if (spec.pattern && !spec.pattern.regex.test(value)) problem(`option "${name}" must be ${spec.pattern.means}, not "${value}"`);
    else if (spec.reserved) {
      const word = value.split('.').find((segment) => spec.reserved?.words.has(segment));
      if (word !== undefined) problem(`option "${name}" cannot be ${word === value ? '' : 'or contain '}"${word}": it is ${spec.reserved.means}${word === value ? '' : ` (in "${value}")`}`);
    }
  }
  return problems;
}
