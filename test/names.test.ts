import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { go } from '../src/lang/go.js';
import type { Catalog, CatalogCode } from '../src/catalog/model.js';
import { languages } from '../src/lang/index.js';
import { java } from '../src/lang/java.js';
import { rust } from '../src/lang/rust.js';
import { capitalize, capitalizeUnicode, toCase } from '../src/names/case.js';
import { badOverrideReport, codeIdentifiers, overrideProblem } from '../src/names/code-identifiers.js';
import { memberName } from '../src/names/identifier.js';
import { remembered } from '../src/names/memo.js';
import { splitUnicodeWords, splitWords } from '../src/names/words.js';

describe('splitWords', () => {
  it.each([
    ['NOT_FOUND', ['NOT', 'FOUND']],
    ['auth.token-expired', ['auth', 'token', 'expired']],
    ['notFoundYet', ['not', 'Found', 'Yet']],
    ['HTTPServerError', ['HTTP', 'Server', 'Error']],
    ['getURLForID', ['get', 'URL', 'For', 'ID']],
    ['HTTP2_ERROR', ['HTTP2', 'ERROR']],
    ['oauth2Token', ['oauth2', 'Token']],
    ['404_PAGE_MISSING', ['404', 'PAGE', 'MISSING']],
    ['__x__', ['x']],
    ['not found', ['not', 'found']],
    ['_', []],
  ])('%s → %j', (code, words) => {
    expect(splitWords(code)).toEqual(words);
  });
});

describe('toCase', () => {
  it.each([
    ['user_id', 'pascal', 'UserID'],
    ['api_key', 'camel', 'apiKey'],
    ['API_KEY', 'camel', 'apiKey'],
    ['http2_error', 'pascal', 'HTTP2Error'],
    ['utf8_text', 'pascal', 'UTF8Text'],
    ['2fa_required', 'pascal', '2FaRequired'],
    ['notFoundYet', 'constant', 'NOT_FOUND_YET'],
    ['HTTPServerError', 'snake', 'http_server_error'],
    ['auth.token-expired', 'kebab', 'auth-token-expired'],
  ] as const)('%s as %s → %s', (code, style, expected) => {
    expect(toCase(code, style)).toBe(expected);
  });
});

describe('memberName', () => {
  it.each([
    // code, Go, Java
    ['NOT_FOUND', 'CodeNotFound', 'NOT_FOUND'],
    ['404_PAGE_MISSING', 'Code404PageMissing', 'E_404_PAGE_MISSING'],
    ['default', 'CodeDefault', 'DEFAULT'],
    ['type', 'CodeType', 'TYPE'],
    ['package', 'CodePackage', 'PACKAGE'],
    ['NaN', 'CodeNaN', 'NA_N'],
    ['auth.token-expired', 'CodeAuthTokenExpired', 'AUTH_TOKEN_EXPIRED'],
    ['notFoundYet', 'CodeNotFoundYet', 'NOT_FOUND_YET'],
    ['HTTP_URL_ID_API_JSON', 'CodeHTTPURLIDAPIJSON', 'HTTP_URL_ID_API_JSON'],
    ['userId', 'CodeUserID', 'USER_ID'],
    ['XMLHttpRequest', 'CodeXMLHTTPRequest', 'XML_HTTP_REQUEST'],
    ['APIGATEWAY_DELETE_API_ERROR', 'CodeApigatewayDeleteAPIError', 'APIGATEWAY_DELETE_API_ERROR'],
    ['ÄRGER_ÜBER', 'CodeÄrgerÜber', 'ÄRGER_ÜBER'],
  ])('%s → Go %s, Java %s', (code, goName, javaName) => {
    expect(memberName(code, go)).toBe(goName);
    expect(memberName(code, java)).toBe(javaName);
  });

  it('uses a catalog override as is', () => {
    expect(memberName('NOT_FOUND', go, 'Missing')).toBe('Missing');
  });

  it('has no name for a code without letters or digits', () => {
    expect(memberName('_', go)).toBeUndefined();
    expect(memberName('--', java)).toBeUndefined();
  });

  it('makes a reserved word safe: Java keywords are lower case, so a constant-case name never is one', () => {
    const lowercase = { ...java, memberCase: 'snake' as const };
    expect(memberName('class', lowercase)).toBe('class_');
    expect(memberName('new', java)).toBe('NEW');
  });

  it('gives two spellings of one code the same name, which the view model reports as a collision', () => {
    expect(memberName('NOT-FOUND', go)).toBe(memberName('NOT_FOUND', go));
    expect(memberName('not found', java)).toBe(memberName('NOT_FOUND', java));
  });
});

describe('ASCII fast paths', () => {
  // Printable ASCII with the characters that matter for word splitting over-represented.
  const asciiText = fc.string({ unit: fc.oneof(fc.constantFrom('_', '-', ' ', '.', '2', 'a', 'Z', 'x', 'T', 'P'), fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))), maxLength: 24 });

  it('splits UPPER_SNAKE_CASE exactly as the general Unicode rule does', () => {
    const upperSnake = fc.string({ unit: fc.constantFrom('_', 'A', 'B', 'Z', '0', '9'), maxLength: 24 });
    fc.assert(fc.property(upperSnake, (text) => {
      expect(splitWords(text)).toEqual(splitUnicodeWords(text));
    }));
  });

  it('splits printable ASCII exactly as the general Unicode rule does', () => {
    fc.assert(fc.property(asciiText, (text) => {
      expect(splitWords(text)).toEqual(splitUnicodeWords(text));
    }));
  });

  it('capitalizes ASCII words exactly as the general Unicode rule does', () => {
    const word = fc.oneof(
      fc.constantFrom('HTTP2', 'http2x', 'UTF8', 'utf8', 'ID', 'id3', 'Api', 'v2', 'x', 'SQL2SQL', 'oauth2', '2FA', '2fa', '404', '3d'),
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9]{0,8}$/),
    );
    fc.assert(fc.property(word, fc.boolean(), (w, useInitialisms) => {
      expect(capitalize(w, useInitialisms)).toBe(capitalizeUnicode(w, useInitialisms));
    }));
  });

  it('writes canonical UPPER_SNAKE_CASE codes in every case exactly as the general rule does', () => {
    // `_CODE_` has the same words as `CODE` but is not canonical, so it takes the general path.
    const part = fc.oneof(fc.constantFrom('HTTP', 'HTTP2', 'ID', '2FA', '404', 'API', 'UTF8', 'X', 'OAUTH2'), fc.stringMatching(/^[A-Z0-9]{1,6}$/));
    const styles = ['pascal', 'upperCamel', 'camel', 'constant', 'snake', 'kebab'] as const;
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), fc.constantFrom(...styles), fc.boolean(), (parts, style, useInitialisms) => {
      const code = parts.join('_');
      expect(toCase(code, style, useInitialisms)).toBe(toCase(`_${code}_`, style, useInitialisms));
    }), { numRuns: 2000 });
  });
});

describe('remembered (the naming memo)', () => {
  it('derives each text once, remembers undefined too, and forgets everything once full', () => {
    const memo = new Map<string, string | undefined>();
    const asked: string[] = [];
    const derive = (text: string) => {
      asked.push(text);
      return text === '_' ? undefined : text.toLowerCase();
    };
    expect([remembered(memo, 'A', derive, 3), remembered(memo, 'A', derive, 3), remembered(memo, '_', derive, 3), remembered(memo, '_', derive, 3)]).toEqual(['a', 'a', undefined, undefined]);
    expect(asked).toEqual(['A', '_']);
    remembered(memo, 'B', derive, 3);
    expect(memo.size).toBe(3);
    expect(remembered(memo, 'C', derive, 3)).toBe('c');
    expect([...memo.keys()]).toEqual(['C']);
    expect(remembered(memo, 'A', derive, 3)).toBe('a');
    expect(asked).toEqual(['A', '_', 'B', 'C', 'A']);
  });
});

describe('codeIdentifiers', () => {
  const entry = (code: string, more: Partial<CatalogCode> = {}): CatalogCode => ({ code, status: 400, message: 'm', solution: '', ...more });
  const catalog: Catalog = {
    groups: [
      { title: 'A', codes: [entry('NOT_FOUND'), entry('GONE', { removed: true }), entry('404_PAGE'), entry('NOT_FOUND', { status: 404 })] },
      { title: 'B', codes: [entry('GONE'), entry('SELF'), entry('TYPE', { names: { go: 'Kind', rust: 'Kind' } }), entry('_'), entry('not_found'), entry('NOT-FOUND')] },
    ],
  };

  it("names each code's first live entry, in catalog order, as memberName does", () => {
    const first = [catalog.groups[0]!.codes[0], catalog.groups[0]!.codes[2], ...catalog.groups[1]!.codes];
    // Every language: TypeScript and Go share their Pascal case names, Java, Python and proto their constant case.
    for (const language of languages) {
      const { codes, names } = codeIdentifiers(catalog, language);
      expect(codes).toEqual(first);
      expect(names).toEqual(first.map((e) => memberName(e!.code, language, e!.names?.[language.id])));
    }
  });

  it('says which derived names a rule changed, and from what', () => {
    expect([...codeIdentifiers(catalog, go).changed]).toEqual([]);
    expect([...codeIdentifiers(catalog, java).changed]).toEqual([[1, '404_PAGE']]);
    // SELF is a Rust keyword (Self_); TYPE's override is the catalog's choice, not a change.
    expect(codeIdentifiers(catalog, rust).names).toEqual(['NotFound', 'E404Page', 'Gone', 'Self_', 'Kind', undefined, 'NotFound', 'NotFound']);
    expect([...codeIdentifiers(catalog, rust).changed]).toEqual([[1, '404Page'], [3, 'Self']]);
  });

  it('pairs each code whose name is taken with the first code that has it', () => {
    for (const language of [go, java, rust]) expect([...codeIdentifiers(catalog, language).clashes]).toEqual([[6, 0], [7, 0]]);
  });

  it('finds no clash where every name is the code itself, and every clash where one is not', () => {
    const codes = (...list: CatalogCode[]): Catalog => ({ groups: [{ title: 'A', codes: list }] });
    expect([...codeIdentifiers(codes(entry('A'), entry('B'), entry('C_D')), java).clashes]).toEqual([]);
    // An override, or a rule's change (`E_` before a digit), gives a name that is another code's.
    expect([...codeIdentifiers(codes(entry('A'), entry('B', { names: { java: 'A' } })), java).clashes]).toEqual([[1, 0]]);
    expect([...codeIdentifiers(codes(entry('E_404'), entry('404')), java).clashes]).toEqual([[1, 0]]);
    expect([...codeIdentifiers(codes(entry('404'), entry('E_404')), java).clashes]).toEqual([[1, 0]]);
  });

  it('derives them once per catalog and language', () => {
    expect(codeIdentifiers(catalog, go)).toBe(codeIdentifiers(catalog, go));
    expect(codeIdentifiers({ groups: catalog.groups }, go)).not.toBe(codeIdentifiers(catalog, go));
  });
});

describe('names: overrides (overrideProblem)', () => {
  const byId = new Map(languages.map((language) => [language.id, language]));
  const problem = (id: string, name: string) => overrideProblem(name, byId.get(id)!);

  it('accepts identifiers written in the member style, beyond what the naming engine derives', () => {
    const fine: Array<[string, string[]]> = [
      ['ts', ['NotFound', 'Größe', 'X_1', '错误', 'NOT_FOUND']],
      // `Code`, the default type name, is checked against the target's typeName when generating.
      ['go', ['CodeNotFound', 'NotFound', 'Ärger', 'CodeParse', 'X_1', 'Code']],
      ['java', ['NOT_FOUND', '_X', 'GRÖSSE', 'CODE', 'X$', '错误']],
      ['python', ['NOT_FOUND', '_PRIVATE', 'ÄRGER', 'MESSAGE']],
      ['rust', ['NotFound', 'Ärger', 'All', 'Http2', 'NotFound2', 'Err_']],
      ['proto', ['ERROR_CODE_NOT_FOUND', 'ERROR_CODE_X2']],
    ];
    for (const [id, names] of fine) for (const name of names) expect(problem(id, name), `${id} ${name}`).toBeUndefined();
  });

  it('refuses what the compiler would refuse, another style, reserved words, and names the generated code declares', () => {
    const refused: Array<[string, string, string]> = [
      ['ts', 'x y', 'is not a ts identifier'],
      ['ts', '1st', 'is not a ts identifier'],
      // An enum object cannot hold a member `__proto__`; lower case is not the enum's style.
      ['ts', '__proto__', 'is not written as a ts member: a capital letter first (PascalCase), e.g. NotFound'],
      ['ts', 'class', 'is not written as a ts member: a capital letter first (PascalCase), e.g. NotFound'],
      ['go', 'my-name', 'is not a go identifier'],
      // Unexported, and the names of Parse's local `c`, the formatters' `locale`, a package `strings`.
      ['go', 'c', 'is not written as a go member: an exported name: a capital letter first, e.g. CodeNotFound'],
      ['go', 'locale', 'is not written as a go member: an exported name: a capital letter first, e.g. CodeNotFound'],
      ['go', '_', 'is not written as a go member: an exported name: a capital letter first, e.g. CodeNotFound'],
      ['go', 'Parse', 'is taken: the generated go code has its own Parse beside the codes'],
      ['java', 'NOT-FOUND', 'is not a java identifier'],
      // The type's fields (`message`), the types it uses (`String`), its nested classes (`Lookup`).
      ['java', 'message', 'is not written as a java member: a constant name, without lower-case letters, e.g. NOT_FOUND'],
      ['java', 'String', 'is not written as a java member: a constant name, without lower-case letters, e.g. NOT_FOUND'],
      ['java', 'Lookup', 'is not written as a java member: a constant name, without lower-case letters, e.g. NOT_FOUND'],
      ['java', '_', 'is a reserved word in java'],
      ['python', 'NOT FOUND', 'is not a python identifier'],
      ['python', 'ＯＴＨＥＲ', 'is read as OTHER in python: write that'],
      ['python', 'message', 'is not written as a python member: a constant name, without lower-case letters, e.g. NOT_FOUND'],
      ['python', 'mro', 'is not written as a python member: a constant name, without lower-case letters, e.g. NOT_FOUND'],
      // enum.Enum: `_SUNDER_` names are refused, `__DUNDER__` ones are no members, `__X` is mangled.
      ['python', '_X_', 'is taken: the generated python code has its own _X_ beside the codes'],
      ['python', '__X', 'is taken: the generated python code has its own __X beside the codes'],
      ['rust', '_', 'is not a rust identifier'],
      ['rust', 'no_money', 'is not written as a rust member: UpperCamelCase, e.g. NotFound'],
      ['rust', 'Not_Found', 'is not written as a rust member: UpperCamelCase, e.g. NotFound'],
      ['rust', 'Self', 'is a reserved word in rust'],
      ['rust', 'Err', 'is a reserved word in rust'],
      ['rust', 'ALL', 'is taken: the generated rust code has its own ALL beside the codes'],
      ['proto', 'ERROR_CODE_É', 'is not a proto identifier'],
      ['proto', 'NOT_FOUND', 'is not written as a proto member: ERROR_CODE_ then capital letters, digits and _, e.g. ERROR_CODE_NOT_FOUND'],
      ['proto', 'ERROR_CODE_Not_Found', 'is not written as a proto member: ERROR_CODE_ then capital letters, digits and _, e.g. ERROR_CODE_NOT_FOUND'],
      ['proto', 'ERROR_CODE_UNSPECIFIED', 'is a reserved word in proto'],
    ];
    for (const [id, name, why] of refused) expect(problem(id, name), `${id} ${name}`).toBe(why);
  });

  it('is reported for the code, with the name it would get without the override', () => {
    const catalog: Catalog = { groups: [{ title: 'G', codes: [{ code: 'A', status: 400, message: 'm', solution: '', names: { go: 'Parse' } }] }] };
    const { badOverrides, names } = codeIdentifiers(catalog, go);
    expect(names).toEqual(['Parse']);
    expect([...badOverrides]).toEqual([[0, 'is taken: the generated go code has its own Parse beside the codes']]);
    expect(badOverrideReport('A', 'Parse', badOverrides.get(0)!, go)).toEqual({
      message: 'the go name "Parse" of A (`names: { go: ... }`) is taken: the generated go code has its own Parse beside the codes',
      hint: 'Choose another name, or remove the override to use the derived one, CodeA.',
    });
  });

  it('names a code ERR in Rust as Err_: a variant Err would make the FromStr impl\'s Self::Err ambiguous', () => {
    expect(memberName('ERR', rust)).toBe('Err_');
  });
});
