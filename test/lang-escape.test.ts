import { describe, expect, it } from 'vitest';
import { bidiControl, isInvisible } from '../src/lang/escape.js';

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
