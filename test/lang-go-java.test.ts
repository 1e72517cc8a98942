import { describe, expect, it } from 'vitest';
import { go } from '../src/lang/go.js';
import { java } from '../src/lang/java.js';

describe('go.stringLiteral', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['say "hi" \\ ok', '"say \\"hi\\" \\\\ ok"'],
    ['a\nb\r\nc\td', '"a\\nb\\r\\nc\\td"'],
    ['nul\0 bell\u0007 esc\u001b del\u007f c1\u0085', '"nul\\u0000 bell\\a esc\\u001b del\\u007f c1\\u0085"'],
    ['line\u2028para\u2029bom\ufeff', '"line\\u2028para\\u2029bom\\ufeff"'],
    ['rtl\u202eoverride\u2066isolate', '"rtl\\u202eoverride\\u2066isolate"'],
    ['资源不存在 🚀👩‍💻 עברית', '"资源不存在 🚀👩‍💻 עברית"'],
    ['${x} `tick` */ {{y}} %s', '"${x} `tick` */ {{y}} %s"'],
    ['\\u0041 stays text', '"\\\\u0041 stays text"'],
    ['lone \ud800 surrogate', '"lone \\ufffd surrogate"'],
  ])('%j → %s', (text, literal) => {
    expect(go.stringLiteral(text)).toBe(literal);
  });
});

describe('go.commentText', () => {
  it.each([
    ['one line', 'one line'],
    ['first\nsecond\r\nthird', 'first second third'],
    ['para\u2029graph', 'para graph'],
    ['*/ and /* stay: a // comment runs to the line end', '*/ and /* stay: a // comment runs to the line end'],
    ['hidden\u202e reversal', 'hidden reversal'],
    ['  padded  ', 'padded'],
    // gofmt would turn these pairs into typographic quotes in a doc comment.
    ["``quoted'' and ``` and '''", "` `quoted' ' and ` ` ` and ' ' '"],
  ])('%j → %j', (text, comment) => {
    expect(go.commentText(text)).toBe(comment);
  });
});

describe('java.stringLiteral', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi" \\ ok', '"say \\"hi\\" \\\\ ok"'],
    ['a\nb\r\nc\td', '"a\\nb\\r\\nc\\td"'],
    // Octal, never \u000a-style: Java decodes unicode escapes before it lexes the literal.
    ['nul\0 bell\u0007 esc\u001b del\u007f', '"nul\\000 bell\\007 esc\\033 del\\177"'],
    ['nul\u00001', '"nul\\0001"'],
    ['c1\u0085 line\u2028para\u2029bom\ufeff', '"c1\\u0085 line\\u2028para\\u2029bom\\ufeff"'],
    ['rtl\u202eoverride', '"rtl\\u202eoverride"'],
    ['资源不存在 🚀👩‍💻', '"资源不存在 🚀👩‍💻"'],
    ['\\u0041 stays text', '"\\\\u0041 stays text"'],
    ['${x} `tick` */', '"${x} `tick` */"'],
  ])('%j → %s', (text, literal) => {
    expect(java.stringLiteral(text)).toBe(literal);
  });
});

describe('java.commentText (Javadoc)', () => {
  it.each([
    ['one line', 'one line'],
    ['first\nsecond', 'first second'],
    ['ends */ here', 'ends *&#47; here'],
    ['<b>bold</b> & co', '&lt;b&gt;bold&lt;/b&gt; &amp; co'],
    ['{@link Foo} @deprecated', '{&#64;link Foo} &#64;deprecated'],
    ['\\u000a would end a // comment', '&#92;u000a would end a // comment'],
    ['\\\\u0041', '\\&#92;u0041'],
    ['hidden\u202e reversal', 'hidden reversal'],
  ])('%j → %j', (text, comment) => {
    expect(java.commentText(text)).toBe(comment);
  });
});
