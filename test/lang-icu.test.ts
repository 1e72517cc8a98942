import { describe, expect, it } from 'vitest';
import { icuLiteral, icuPattern } from '../src/lang/icu.js';
import { formatIcu } from './targets/icu-reference.js';

describe('icuLiteral', () => {
  it.each([
    ['plain text, # and > stay', 'plain text, # and > stay'],
    ["it's", "it''s"],
    ['{', "'{'"],
    ['{{quota}}', "'{{'quota'}}'"],
    ['}{', "'}{'"],
    ["{'", "'{'''"],
    ["'{", "'''{'"],
    ["'{'", "'''{'''"],
    ['</script>', "'<'/script>"],
    ['<b>bold', "'<'b>bold"],
    ['a < b, a <= b', 'a < b, a <= b'],
    ['{<a', "'{<'a"],
    ['<<a', "<'<'a"],
    ["<'a", "<''a"],
    ['中文「引号」 😀', '中文「引号」 😀'],
  ])('%j → %s, which formats back to the text', (text, pattern) => {
    expect(icuLiteral(text)).toBe(pattern);
    expect(formatIcu(pattern, {})).toBe(text);
  });
});

describe('icuPattern', () => {
  it('writes placeholders as simple arguments beside quoted text that ends right before them', () => {
    const x = { name: 'x' };
    const pattern = icuPattern([
      { text: "{'", param: null },
      { text: '', param: x },
      { text: "'}", param: null },
    ]);
    expect(pattern).toBe("'{'''{x}'''}'");
    expect(formatIcu(pattern, { x: "it's" })).toBe("{'it's'}");
  });
});
