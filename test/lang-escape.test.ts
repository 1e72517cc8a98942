import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ts from 'typescript';
import { bidiControl, isInvisible, jsonLiteral, jsonString, quoted, quotedEach, singleLineWithoutBidi } from '../src/lang/escape.js';
import { go, goCommentText, goEscape } from '../src/lang/go.js';
import { java, javaCommentText, javaEscape } from '../src/lang/java.js';
import { proto } from '../src/lang/proto.js';
import { python, pythonEscape } from '../src/lang/python.js';
import { rust, rustCommentText, rustEscape } from '../src/lang/rust.js';
import { typescript, typescriptCommentText } from '../src/lang/typescript.js';

describe('isInvisible', () => {
  it('is true for exactly the controls, separators, BOM and bidi controls, over the whole BMP', () => {
    const expected = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (isInvisible(ch, cp) !== (expected.test(ch) || bidiControl.test(ch))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isInvisible('\u202e', 0x202e)).toBe(true);
    expect(isInvisible('a', 0x61)).toBe(false);
  });
});

describe('jsonString and jsonLiteral', () => {
  // Their fast path quotes text as it is: it must give exactly what JSON.stringify gives.
  const reference = (text: string) => JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

  it('equal JSON.stringify (jsonLiteral: with the invisible characters escaped) for every code unit, alone and in text', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      for (const text of [String.fromCharCode(cp), `a${String.fromCharCode(cp)}b`]) {
        if (jsonString(text) !== JSON.stringify(text) || jsonLiteral(text) !== reference(text)) wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('equal them for any text, surrogate pairs and lone halves included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => jsonString(text) === JSON.stringify(text) && jsonLiteral(text) === reference(text)));
    expect(jsonString('😀 "x"\\')).toBe('"😀 \\"x\\"\\\\"');
    expect(jsonLiteral('a\u2028\ud800')).toBe('"a\\u2028\\ud800"');
    expect(jsonLiteral({ a: ['\u0085'] })).toBe('{"a":["\\u0085"]}');
  });
});

describe('quoted', () => {
  // Its fast path quotes text made of characters kept raw as it is: it must give what the loop gives.
  it('equals its general rule in every language, for every code unit, alone and in text', () => {
    const wrong: string[] = [];
    for (const [name, escape] of Object.entries({ goEscape, javaEscape, pythonEscape, rustEscape })) {
      for (let cp = 0; cp <= 0xffff; cp++) {
        const ch = String.fromCharCode(cp);
        for (const text of [ch, `a${ch}b`, `Not found: ${ch}${ch}`]) {
          if (quoted(text, escape) !== quotedEach(text, escape)) wrong.push(`${name} ${cp.toString(16)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(quoted('', goEscape)).toBe('""');
    expect(quoted('say "hi"', goEscape)).toBe('"say \\"hi\\""');
  });
});

describe('commentText', () => {
  // Its shortcut returns text in which nothing needs changing as it is: it must give what the rule gives.
  const rules = [
    [typescript, typescriptCommentText],
    [go, goCommentText],
    [java, javaCommentText],
    [python, singleLineWithoutBidi],
    [rust, rustCommentText],
    [proto, singleLineWithoutBidi],
  ] as const;

  it('equals its general rule in every language, for every code unit, alone, in text and at its edges', () => {
    const wrong: string[] = [];
    for (const [language, rule] of rules) {
      for (let cp = 0; cp <= 0xffff; cp++) {
        const ch = String.fromCharCode(cp);
        for (const text of [ch, `a${ch}b`, `${ch}ab`, `ab${ch}`, `a${ch}${ch}b`]) {
          if (language.commentText(text) !== rule(text)) wrong.push(`${language.id} ${cp.toString(16)} ${JSON.stringify(text)}`);
        }
      }
      for (const text of ['', 'Not found', "can''t", 'a``b', 'a */ b', 'x\\u0041', ' lead', 'trail ', '\u3000wide']) {
        if (language.commentText(text) !== rule(text)) wrong.push(`${language.id} ${JSON.stringify(text)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(java.commentText('a <b> & c@d */ \\u')).toBe('a &lt;b&gt; &amp; c&#64;d *&#47; &#92;u');
    expect(go.commentText('Not found')).toBe('Not found');
  });
});

describe('typescript commentText', () => {
  /** What TypeScript itself reads in `/** <text> *\/` before a declaration: its tags, and whether the comment has inline links. */
  const readBack = (text: string) => {
    const file = ts.createSourceFile('x.ts', `/** ${typescript.commentText(text)} */\nexport const A = 1;`, ts.ScriptTarget.Latest, true);
    const [doc] = ts.getJSDocCommentsAndTags(file.statements[0]!);
    return { tags: ts.getJSDocTags(file.statements[0]!).map((tag) => tag.tagName.text), plain: typeof (doc as ts.JSDoc).comment === 'string' };
  };

  it('leaves no @ that TypeScript reads as a tag or an inline link', () => {
    for (const text of ['mid @deprecated text', '@internal detail', 'see {@link Foo} now', 'a\t@param b', 'a\n@returns x', 'wide\u3000@see y', 'nbsp\u00a0@deprecated', 'zwsp\u200b@deprecated', '@@deprecated', '*/ @deprecated']) {
      expect({ text, ...readBack(text) }).toEqual({ text, tags: [], plain: true });
    }
  });

  it('writes an @ outside a word as TSDoc\'s \\@ and leaves one inside a word', () => {
    expect(typescript.commentText('mid @deprecated text')).toBe('mid \\@deprecated text');
    expect(typescript.commentText('write to support@example.com')).toBe('write to support@example.com');
    expect(typescript.commentText('{@link Foo}')).toBe('{\\@link Foo}');
  });
});
