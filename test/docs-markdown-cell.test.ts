import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapedCell, markdownCell, markdownCellWithCode, markdownComment } from '../src/lang/markdown.js';

describe('markdownCell', () => {
  it.each([
    ['plain text', 'Resource not found', 'Resource not found'],
    ['empty', '', ''],
    ['pipe', 'a | b', 'a \\| b'],
    ['backslash, then a pipe', 'a\\|b', 'a\\\\\\|b'],
    ['newline', 'one\ntwo', 'one<br>two'],
    ['CRLF keeps its CR', 'one\r\ntwo', 'one&#13;<br>two'],
    ['tab and form feed', 'a\tb\fc', 'a&#9;b&#12;c'],
    ['edge spaces', ' padded ', '&#32;padded&#32;'],
    ['spaces around a newline', 'a \n b', 'a&#32;<br>&#32;b'],
    ['inner spaces stay', 'a  b', 'a  b'],
    ['emphasis', '*a* **b**', '\\*a\\* \\*\\*b\\*\\*'],
    ['underscore inside a word stays', 'NOT_FOUND', 'NOT_FOUND'],
    ['underscore at a word edge', '_a_ b_ __c', '\\_a\\_ b\\_ \\_\\_c'],
    ['code span', 'use `x`', 'use \\`x\\`'],
    ['strikethrough', '~a~ ~~b~~', '\\~a\\~ \\~\\~b\\~\\~'],
    ['link and footnote', '[x](y) [^1] ![i](j)', '\\[x\\](y) \\[^1\\] !\\[i\\](j)'],
    ['HTML', '<br> <b>x</b>', '&lt;br> &lt;b>x&lt;/b>'],
    ['entities', '&amp; &#32; & x', '&amp;amp; &amp;\\#32; &amp; x'],
    ['heading closer', 'C#', 'C\\#'],
    ['autolink literals', 'see https://x.io and www.y.io', 'see https\\://x.io and www\\.y.io'],
    ['list marker at the start', '- a', '\\- a'],
    ['ordered list marker at the start', '1. a', '1\\. a'],
    ['quote marker at the start', '> a', '\\> a'],
    ['markers later are plain', 'a - b > c 1. d', 'a - b > c 1. d'],
    ['a version number is not a list', '2.0 and -x', '2.0 and -x'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a&#x2028;b&#x2029;c'],
    ['no-break space is made visible', 'a\u00a0b', 'a&#xA0;b'],
    ['non-ASCII stays', '资源不存在 🚀 עברית', '资源不存在 🚀 עברית'],
    ['template syntax stays', '{{x}} ${y}', '{{x}} ${y}'],
  ])('%s', (_name, given, expected) => {
    expect(markdownCell(given)).toBe(expected);
  });

  it('gives what the character-by-character rule gives, shortcut or not (property)', () => {
    // The characters the shortcut looks at, in the places it looks at them.
    const unit = fc.constantFrom('a', 'W', 'w', 'wWw', '1', 'é', '_', '.', ':', '/', '://', ' ', '-', '1.', '|', '\\', '&', '\n', '\u00a0', '#', '>');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('');
        expect(markdownCell(text)).toBe(escapedCell([{ text, code: false }]));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('markdownCellWithCode', () => {
  const run = (text: string, code = false) => ({ text, code });
  it.each([
    ['a placeholder in text', [run('The parameter '), run('{argument}', true), run(' is not supported')], 'The parameter `{argument}` is not supported'],
    ['at the edges, edge spaces still kept', [run('{a}', true), run(' x ')], '`{a}` x&#32;'],
    ['side by side: one span', [run('{a}', true), run('{b}', true)], '`{a}{b}`'],
    ['text around is escaped, the span is not', [run('*'), run('{a_b}', true), run('_|')], '\\*`{a_b}`\\_\\|'],
    ['next to a backtick and a backslash', [run('`\\'), run('{a}', true), run('`')], '\\`\\\\`{a}`\\`'],
    ['across a line break', [run('a\n'), run('{b}', true)], 'a<br>`{b}`'],
    ['a list marker before it', [run('- '), run('{a}', true)], '\\- `{a}`'],
    ['no code at all is markdownCell', [run(' - x|y ')], markdownCell(' - x|y ')],
  ])('%s', (_name, runs, expected) => {
    expect(markdownCellWithCode(runs)).toBe(expected);
  });

  it('refuses a code run that a code span cannot hold', () => {
    expect(() => markdownCellWithCode([run('a`b', true)])).toThrow('cannot write');
    expect(() => markdownCellWithCode([run('a|b', true)])).toThrow('cannot write');
  });
});

describe('markdownComment', () => {
  it.each([
    ['a path', 'data/errors.yaml', 'data/errors.yaml'],
    ['a comment closer', 'a-->b', 'a- ->b'],
    ['dashes', 'a---b', 'a- - -b'],
    ['newlines', 'a\nb', 'a b'],
  ])('%s', (_name, given, expected) => {
    expect(markdownComment(given)).toBe(expected);
  });
});
