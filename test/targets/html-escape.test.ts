import { describe, expect, it } from 'vitest';
import { htmlAttr, htmlComment, htmlText, scriptJson } from '../../src/lang/html.js';

describe('htmlText', () => {
  it.each([
    ['plain text', 'Resource not found', 'Resource not found'],
    ['empty', '', ''],
    ['markup', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['entities stay text', '&amp; &lt; &#0; &', '&amp;amp; &amp;lt; &amp;#0; &amp;'],
    ['quotes need nothing in content', `"a" 'b'`, `"a" 'b'`],
    ['comment openers', '<!-- x --> <![CDATA[', '&lt;!-- x --&gt; &lt;![CDATA['],
    ['LF and tab stay raw', 'a\nb\tc', 'a\nb\tc'],
    ['CR survives the parser only as a reference', 'a\r\nb\rc', 'a&#13;\nb&#13;c'],
    ['NUL cannot be carried: U+FFFD', 'nul\0end', 'nul\ufffdend'],
    ['other C0 controls and DEL as references', 'bell\u0007 esc\u001b ff\f vt\u000b del\u007f', 'bell&#7; esc&#27; ff&#12; vt&#11; del&#127;'],
    ['C1 controls stay raw (a reference would be Windows-1252)', 'a\u0080b\u009fc', 'a\u0080b\u009fc'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a&#x2028;b&#x2029;c'],
    ['template syntax stays', '{{x}} {{{y}}} ${z} `w`', '{{x}} {{{y}}} ${z} `w`'],
    ['non-ASCII stays', '资源不存在 🚀👩‍💻 עברית', '资源不存在 🚀👩‍💻 עברית'],
  ])('%s', (_name, given, expected) => {
    expect(htmlText(given)).toBe(expected);
  });
});

describe('htmlAttr', () => {
  it.each([
    ['plain text', 'not-found', 'not-found'],
    ['double quote', 'a"b', 'a&quot;b'],
    ['single quote', "a'b", 'a&#39;b'],
    ['breaking out of the attribute', '" onmouseover="alert(1)', '&quot; onmouseover=&quot;alert(1)'],
    ['ampersand and angle brackets', 'a&b<c>d', 'a&amp;b&lt;c&gt;d'],
    ['CR and NUL', 'a\r\nb\0', 'a&#13;\nb\ufffd'],
    ['non-ASCII stays', 'Fehlercode 错误码', 'Fehlercode 错误码'],
  ])('%s', (_name, given, expected) => {
    expect(htmlAttr(given)).toBe(expected);
  });
});

describe('htmlComment', () => {
  it.each([
    ['a path', 'data/errors.yaml', 'data/errors.yaml'],
    ['a comment closer', 'a-->b', 'a- ->b'],
    ['the other closer', 'a--!>b', 'a- -!>b'],
    ['dashes', 'a---b', 'a- - -b'],
    ['line breaks', 'a\r\nb\u2028c', 'a b c'],
    ['NUL', 'a\0b', 'a\ufffdb'],
  ])('%s', (_name, given, expected) => {
    expect(htmlComment(given)).toBe(expected);
  });
});

describe('scriptJson', () => {
  it.each([
    ['a string', 'NOT_FOUND', '"NOT_FOUND"'],
    ['a script closer', '</script><script>alert(1)</script>', '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'],
    ['a comment opener', '<!--', '"\\u003c!--"'],
    ['an ampersand', 'a&b', '"a\\u0026b"'],
    ['line and paragraph separators', 'a\u2028b\u2029c', '"a\\u2028b\\u2029c"'],
    ['quotes, backslashes, controls', 'a"b\\c\nd\0', '"a\\"b\\\\c\\nd\\u0000"'],
    ['an object', { code: 'X', status: 404 }, '{"code":"X","status":404}'],
  ])('%s', (_name, given, expected) => {
    expect(scriptJson(given)).toBe(expected);
  });

  it('reads back as the same value', () => {
    const value = { text: '</script> <!-- ${x} {{y}} \u2028 & 🚀 \0' };
    expect(JSON.parse(scriptJson(value))).toEqual(value);
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => scriptJson(undefined)).toThrow('cannot write undefined as JSON');
  });
});
