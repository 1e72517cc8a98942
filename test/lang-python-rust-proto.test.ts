import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNumbers, codeNumber, numbersByProbing, numbersBySweep } from '../src/emit/code-number.js';
import { grpcStatus, grpcStatusForHttp } from '../src/emit/grpc-status.js';
import { proto } from '../src/lang/proto.js';
import { python } from '../src/lang/python.js';
import { rust } from '../src/lang/rust.js';
import { memberName } from '../src/names/identifier.js';

describe('memberName in Python, Rust and Protocol Buffers', () => {
  it.each([
    // code, Python, Rust, proto
    ['NOT_FOUND', 'NOT_FOUND', 'NotFound', 'ERROR_CODE_NOT_FOUND'],
    ['404_PAGE_MISSING', 'E_404_PAGE_MISSING', 'E404PageMissing', 'ERROR_CODE_404_PAGE_MISSING'],
    ['self', 'SELF', 'Self_', 'ERROR_CODE_SELF'],
    ['class', 'CLASS', 'Class', 'ERROR_CODE_CLASS'],
    ['None', 'NONE', 'None', 'ERROR_CODE_NONE'],
    ['HTTP_URL_ID_API_JSON', 'HTTP_URL_ID_API_JSON', 'HttpUrlIdApiJson', 'ERROR_CODE_HTTP_URL_ID_API_JSON'],
    ['XMLHttpRequest', 'XML_HTTP_REQUEST', 'XmlHttpRequest', 'ERROR_CODE_XML_HTTP_REQUEST'],
    ['auth.token-expired', 'AUTH_TOKEN_EXPIRED', 'AuthTokenExpired', 'ERROR_CODE_AUTH_TOKEN_EXPIRED'],
    // protoc ignores a `_` appended to the zero value's name: a word is.
    ['UNSPECIFIED', 'UNSPECIFIED', 'Unspecified', 'ERROR_CODE_UNSPECIFIED_ERROR'],
    ['ÄRGER_ÜBER', 'ÄRGER_ÜBER', 'ÄrgerÜber', 'ERROR_CODE_ARGER_UBER'],
    ['ﬁle_missing', 'FILE_MISSING', 'FIleMissing', 'ERROR_CODE_FILE_MISSING'],
    ['资源_NOT_FOUND', '资源_NOT_FOUND', '资源NotFound', 'ERROR_CODE_NOT_FOUND'],
  ])('%s → Python %s, Rust %s, proto %s', (code, py, rs, pb) => {
    expect(memberName(code, python)).toBe(py);
    expect(memberName(code, rust)).toBe(rs);
    expect(memberName(code, proto)).toBe(pb);
  });

  /** protoc's EnumValueToPascalCase, which it compares an enum's values by (descriptor.cc). */
  const protocPascalCase = (name: string) => {
    let out = '';
    let upper = true;
    for (const ch of name) {
      if (ch === '_') upper = true;
      else {
        out += upper ? ch.toUpperCase() : ch.toLowerCase();
        upper = false;
      }
    }
    return out;
  };

  it('compares proto names as protoc does: alike exactly when their PascalCase is', () => {
    const rest = fc.stringMatching(/^[A-Za-z0-9_]{0,8}$/);
    // Another name, or the same characters with underscores moved and letters' case changed: alike or not.
    const respelt = (chars: string) =>
      fc.tuple(fc.array(fc.constantFrom('', '_', '__'), { minLength: chars.length + 1, maxLength: chars.length + 1 }), fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length })).map(([gaps, lower]) =>
        [...chars].map((ch, i) => `${gaps[i]}${lower[i] ? ch.toLowerCase() : ch}`).join('') + gaps[chars.length],
      );
    const pair = rest.chain((a) => fc.tuple(fc.constant(a), fc.oneof(rest, respelt(a.replace(/_/g, ''))))).map(([a, b]) => [`ERROR_CODE_${a}`, `ERROR_CODE_${b}`] as const);
    const key = proto.comparedAs!.key;
    let alike = 0;
    fc.assert(
      fc.property(pair, ([a, b]) => {
        if (protocPascalCase(a) === protocPascalCase(b)) alike++;
        expect(key(a) === key(b)).toBe(protocPascalCase(a) === protocPascalCase(b));
      }),
      { numRuns: 20_000 },
    );
    expect(alike).toBeGreaterThan(2_000); // both outcomes are tried, often
    for (const [a, b] of [['ERROR_CODE_V_2', 'ERROR_CODE_V2'], ['ERROR_CODE_UNSPECIFIED_', 'ERROR_CODE_UNSPECIFIED'], ['ERROR_CODE_A__B', 'ERROR_CODE_A_B']] as const) expect(key(a)).toBe(key(b));
    expect(key('ERROR_CODE_NOT_FOUND')).toBe('ERROR_CODE_NOT_FOUND'); // the usual name is its own
    // isReserved looks a name's key up among them: the reserved words are written as protoc compares them.
    for (const word of proto.reserved) expect(key(word)).toBe(word);
  });

  it('has no proto name for a code without ASCII letters or digits', () => {
    expect(memberName('资源', proto)).toBeUndefined();
    expect(memberName('资源', python)).toBe('资源');
  });
});

describe('string literals', () => {
  it.each([
    ['plain', '"plain"', '"plain"'],
    ['say "hi" \\ ok', '"say \\"hi\\" \\\\ ok"', '"say \\"hi\\" \\\\ ok"'],
    ['\\N{BULLET} \\u0041 {x}', '"\\\\N{BULLET} \\\\u0041 {x}"', '"\\\\N{BULLET} \\\\u0041 {x}"'],
    ['a\nb\r\tc', '"a\\nb\\r\\tc"', '"a\\nb\\r\\tc"'],
    ['nul\0 1 bell\u0007 del\u007f', '"nul\\x00 1 bell\\x07 del\\x7f"', '"nul\\0 1 bell\\u{7} del\\u{7f}"'],
    ['line\u2028para\u2029bom\ufeff', '"line\\u2028para\\u2029bom\\ufeff"', '"line\\u{2028}para\\u{2029}bom\\u{feff}"'],
    ['rtl\u202eoverride', '"rtl\\u202eoverride"', '"rtl\\u{202e}override"'],
    ['资源 🚀', '"资源 🚀"', '"资源 🚀"'],
  ])('%j → Python %s, Rust %s', (text, py, rs) => {
    expect(python.stringLiteral(text)).toBe(py);
    expect(rust.stringLiteral(text)).toBe(rs);
  });

  it('keeps a lone surrogate in Python (its strings can hold one) and replaces it in Rust (UTF-8 cannot)', () => {
    expect(python.stringLiteral('x\ud800y')).toBe('"x\\ud800y"');
    expect(rust.stringLiteral('x\ud800y')).toBe('"x\\u{fffd}y"');
  });

  it('writes proto strings in ASCII with octal escapes for every other byte', () => {
    expect(proto.stringLiteral('A "b" \\ \'c\' ü\n')).toBe('"A \\"b\\" \\\\ \\\'c\\\' \\303\\274\\n"');
  });
});

describe('comment text', () => {
  it('is one line without bidi controls in every language', () => {
    for (const language of [python, rust, proto]) expect(language.commentText('a\nb\u202e c\u2028d')).not.toMatch(/[\n\u202e\u2028]/);
  });

  it('escapes what rustdoc would read as Markdown links, HTML or code', () => {
    expect(rust.commentText('<script> [link] `code` *em* a&b')).toBe('\\<script\\> \\[link\\] \\`code\\` \\*em\\* a\\&b');
  });
});

describe('gRPC status from HTTP status', () => {
  it.each([
    [200, 'OK'], [201, 'OK'], [301, 'UNKNOWN'], [100, 'UNKNOWN'], [400, 'INVALID_ARGUMENT'], [401, 'UNAUTHENTICATED'],
    [403, 'PERMISSION_DENIED'], [404, 'NOT_FOUND'], [409, 'ABORTED'], [410, 'FAILED_PRECONDITION'], [416, 'OUT_OF_RANGE'],
    [422, 'FAILED_PRECONDITION'], [429, 'RESOURCE_EXHAUSTED'], [499, 'CANCELLED'], [500, 'INTERNAL'], [501, 'UNIMPLEMENTED'],
    [502, 'INTERNAL'], [503, 'UNAVAILABLE'], [504, 'DEADLINE_EXCEEDED'],
  ] as const)('%d → %s', (http, name) => {
    expect(grpcStatusForHttp(http)).toBe(name);
  });

  it('lets the catalog override it, and carries the wire number', () => {
    expect(grpcStatus('ALREADY_EXISTS', 409)).toEqual({ name: 'ALREADY_EXISTS', number: 6 });
    expect(grpcStatus(undefined, 499)).toEqual({ name: 'CANCELLED', number: 1 });
    expect(grpcStatus(undefined, 401)).toEqual({ name: 'UNAUTHENTICATED', number: 16 });
  });
});

describe('stable code numbers', () => {
  it('derive from the code string alone, in 1…2^31−2, and yield to an explicit number', () => {
    // FNV-1a 32-bit of "NOT_FOUND" is 0x47885291 (written out here, not recomputed).
    expect(codeNumber('NOT_FOUND', undefined)).toBe(1 + (0x47885291 % 0x7ffffffe));
    expect(codeNumber('', undefined)).toBe(1 + (0x811c9dc5 % 0x7ffffffe));
    expect(codeNumber('NOT_FOUND', 7)).toBe(7);
    for (const code of ['A', 'B', '资源', '404_PAGE']) {
      const n = codeNumber(code, undefined);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(0x7ffffffe);
    }
  });

  it('hash the UTF-8 bytes, whether the code is ASCII (read by character) or not (property)', () => {
    const byBytes = (code: string) => {
      let hash = 0x811c9dc5;
      for (const byte of Buffer.from(code, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      return 1 + (hash % 0x7ffffffe);
    };
    const code = fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Z0-9_]{1,30}$/));
    fc.assert(
      fc.property(code, (c) => {
        expect(codeNumber(c, undefined)).toBe(byBytes(c));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('assignNumbers', () => {
  const at = () => ({ file: 'errors.yaml', line: 1, column: 1 });

  it('gives by one sweep the numbers the probing rule gives, or leaves a wrap-around to it (property)', () => {
    const max = 0x7ffffffe;
    // Numbers crowded together (collisions, runs through explicit ones) and near the top (the wrap).
    const number = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: max - 20, max }));
    fc.assert(
      fc.property(fc.array(number, { maxLength: 30 }), fc.uniqueArray(number, { maxLength: 10 }), (numbers, explicit) => {
        const ordered = [...numbers].sort((a, b) => a - b).map((n) => ({ number: n }));
        const pinned = new Set(explicit);
        const swept = numbersBySweep(ordered, pinned);
        const probed = numbersByProbing(ordered, pinned);
        if (swept !== undefined) expect(swept).toEqual(probed);
        else expect(probed.some((n, i) => n < (ordered[i] as { number: number }).number)).toBe(true); // it wrapped
      }),
      { numRuns: 2000 },
    );
    // Without a wrap the sweep answers: a run pushed past an explicit number, then past its end.
    expect(numbersBySweep([5, 5, 6, 9].map((n) => ({ number: n })), new Set([6, 7]))).toEqual([5, 8, 9, 10]);
  });
  const catalogOf = (...codes: Array<{ code: string; number?: number }>) => ({
    groups: [{ title: 'T', codes: codes.map((c) => ({ status: 400, message: 'm', solution: '', ...c })) }],
  });

  it('gives two codes whose derived numbers collide distinct numbers, whatever their order', () => {
    // CODE_59 and CODE_37840 share FNV-1a number 651012656.
    expect(codeNumber('CODE_59', undefined)).toBe(651012656);
    expect(codeNumber('CODE_37840', undefined)).toBe(651012656);
    for (const order of [['CODE_59', 'CODE_37840'], ['CODE_37840', 'CODE_59']]) {
      const { numbers, diagnostics } = assignNumbers(catalogOf(...order.map((code) => ({ code }))), at);
      expect(diagnostics).toEqual([]);
      // By (number, code): "CODE_37840" < "CODE_59", so it keeps the number and CODE_59 takes the next.
      expect([numbers.get('CODE_37840'), numbers.get('CODE_59')]).toEqual([651012656, 651012657]);
    }
  });

  it('keeps explicit numbers, steers derived ones around them, and reports two codes with one explicit number', () => {
    const { numbers } = assignNumbers(catalogOf({ code: 'PINNED', number: 651012656 }, { code: 'CODE_59' }), at);
    expect([numbers.get('PINNED'), numbers.get('CODE_59')]).toEqual([651012656, 651012657]);
    const clash = assignNumbers(catalogOf({ code: 'A', number: 7 }, { code: 'B', number: 7 }), at);
    expect(clash.diagnostics.map((d) => d.message)).toEqual(['codes "A" and "B" both have the number 7']);
  });
});
