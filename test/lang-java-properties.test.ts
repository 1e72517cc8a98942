import { describe, expect, it } from 'vitest';
import { messageFormatLiteral, messageFormatPattern, propertiesComment, propertiesKey, propertiesValue } from '../src/lang/java-properties.js';

describe('propertiesKey', () => {
  it.each([
    ['NOT_FOUND.message', 'NOT_FOUND.message'],
    ['a b=c:d#e!f', 'a\\ b\\=c\\:d\\#e\\!f'],
    ['#start', '\\#start'],
    ['back\\slash', 'back\\\\slash'],
    ['tab\tnew\nline\rform\f', 'tab\\tnew\\nline\\rform\\f'],
    ['资源 é 🚀', '\\u8d44\\u6e90\\ \\u00e9\\ \\ud83d\\ude80'],
    ['nul\0 del\u007f', 'nul\\u0000\\ del\\u007f'],
  ])('%j → %s', (text, key) => {
    expect(propertiesKey(text)).toBe(key);
  });
});

describe('propertiesKey and propertiesValue, character by character', () => {
  // The rules as the comments state them, one character at a time: what a fast path must agree with.
  const named: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' };
  const reference = (text: string, special: (ch: string, index: number) => boolean) =>
    [...text.split('')].map((ch, i) => named[ch] ?? (special(ch, i) ? `\\${ch}` : ch < ' ' || ch > '~' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('');
  const keySpecial = (ch: string) => ' =:#!'.includes(ch);
  const valueSpecial = (ch: string, index: number) => ch === ' ' && index === 0;

  it('escape every code unit as the rules say, alone, inside text and at its start', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      for (const text of [ch, `a${ch}b`, `${ch}a`]) {
        if (propertiesKey(text) !== reference(text, keySpecial) || propertiesValue(text) !== reference(text, valueSpecial)) wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('propertiesValue', () => {
  it.each([
    ['plain text', 'plain text'],
    ['', ''],
    [' leading and  inner spaces ', '\\ leading and  inner spaces '],
    ['\tleading tab', '\\tleading tab'],
    ['= : # ! stay', '= : # ! stay'],
    ['trailing backslash \\', 'trailing backslash \\\\'],
    ['line\nbreak\r\n', 'line\\nbreak\\r\\n'],
    ['\u2028 and \u00e9', '\\u2028 and \\u00e9'],
  ])('%j → %s', (text, value) => {
    expect(propertiesValue(text)).toBe(value);
  });
});

describe('propertiesComment', () => {
  it.each([
    ['errors.yaml', 'errors.yaml'],
    ['first\nsecond', 'first second'],
    ['zh-HK -> en', 'zh-HK -> en'],
    ['dé \\ fin', 'd\\u00e9 \\ fin'],
  ])('%j → %s', (text, comment) => {
    expect(propertiesComment(text)).toBe(comment);
  });
});

describe('MessageFormat patterns', () => {
  it.each([
    ['no specials', 'no specials'],
    ["it's", "it''s"],
    ["''", "''''"],
    ['{literal}', "'{'literal'}'"],
    ['{}', "'{}'"],
    ["'{", "'''{'"],
    ['} alone', "'}' alone"],
  ])('literal %j → %s', (text, pattern) => {
    expect(messageFormatLiteral(text)).toBe(pattern);
  });

  it('numbers placeholders by their parameter position, not their order in the text', () => {
    const params = [{ name: 'resource' }, { name: 'id' }];
    const parts = [
      { text: 'ID ', param: null },
      { text: '', param: { name: 'id' } },
      { text: " of '", param: null },
      { text: '', param: { name: 'resource' } },
      { text: "'", param: null },
    ];
    expect(messageFormatPattern(parts, params)).toBe("ID {1} of ''{0}''");
  });
});
