import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalLocaleCase } from '../src/messages/locales.js';
import { errgen, tempDir } from './helpers/cli.js';

const english = [
  '## Errors',
  '',
  '| Code | Status | Message | Solution |',
  '|-|-|-|-|',
  '| NOT_FOUND | 404 | The {resource} is absent | Check the id |',
  '| RATE_LIMITED | 429 | Too many requests | Retry later |',
  '| DUP | 400 | first | |',
  '| DUP | 409 | second | |',
  '',
].join('\n');

/** A Chinese page: Chinese headers, no status column, placeholders written as plain words or as {name}. */
const chinese = (...rows: string[]) => ['# 错误码', '', '| 错误码 | 错误信息 | 解决方案 |', '|-|-|-|', ...rows, ''].join('\n');

/** The English page imported into errors.yaml, then the catalog edited by hand as a team would. */
function project() {
  const dir = tempDir();
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const run = (...args: string[]) => errgen(args, { cwd: dir });
  write('errors.md', english);
  expect(run('import', 'errors.md', '-o', 'errors.yaml').code).toBe(0);
  const handEdited = read('errors.yaml')
    .replace('message: The {resource} is absent\n', 'message: The {resource} is absent\n        params:\n          resource: { type: string, example: user }\n')
    .replace(
      '        message: Too many requests\n        solution: Retry later\n',
      '        message: Too many requests\n        solution: Retry later\n        # Checked by the Shanghai office.\n        messages:\n          zh-CN:\n            message: 请求太多\n            reviewed: false\n',
    );
  write('errors.yaml', handEdited);
  return { dir, write, read, run };
}

describe('errgen import --locale', () => {
  it('merges a translated page into messages.<locale>, keeping comments, hand-written fields, reviewed and templates', () => {
    const p = project();
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 resource | 请检查 ID |', '| RATE_LIMITED | 请求过于频繁 | 请稍后重试 |', '| DUP | 第一个 | |', '| DUP | 第二个 | 换个办法 |'));
    // The first import writes the page's text; the catalog then marks the placeholder by hand.
    expect(p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml').code).toBe(0);
    p.write('errors.yaml', p.read('errors.yaml').replace('message: 找不到 resource', 'message: 找不到 {resource}'));
    const before = p.read('errors.yaml');

    const again = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('Imported 1 file, 1 table, 4 rows into errors.yaml as zh-CN: 0 added, 0 changed, 4 unchanged (file already up to date).\n');
    expect(p.read('errors.yaml')).toBe(before);
    expect(before.split('\n').slice(1).join('\n')).toBe(
      [
        '',
        'groups:',
        '  - title: Errors',
        '    codes:',
        '      - code: NOT_FOUND',
        '        status: 404',
        '        message: The {resource} is absent',
        '        params:',
        '          resource: { type: string, example: user }',
        '        solution: Check the id',
        '        messages:',
        '          zh-CN:',
        '            message: 找不到 {resource}',
        '            solution: 请检查 ID',
        '      - code: RATE_LIMITED',
        '        status: 429',
        '        message: Too many requests',
        '        solution: Retry later',
        '        # Checked by the Shanghai office.',
        '        messages:',
        '          zh-CN:',
        '            message: 请求过于频繁',
        '            solution: 请稍后重试',
        '            reviewed: false',
        '      - code: DUP',
        '        status: 400',
        '        message: first',
        '        solution: ""',
        '        messages:',
        '          zh-CN:',
        '            message: 第一个',
        '      - code: DUP',
        '        status: 409',
        '        message: second',
        '        solution: ""',
        '        messages:',
        '          zh-CN:',
        '            message: 第二个',
        '            solution: 换个办法',
        '',
      ].join('\n'),
    );
  });

  it('reports the first import of each row: added, changed, unchanged', () => {
    const p = project();
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | 请检查 ID |', '| RATE_LIMITED | 请求太多 | |'));
    const result = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml as zh-CN: 1 added, 0 changed, 1 unchanged.\n');
    // The page says the same as the hand-written translation (which has no solution): nothing to do.
    expect(p.read('errors.yaml')).toContain('          zh-CN:\n            message: 请求太多\n            reviewed: false\n');
  });

  it('pairs the rows of a code listed twice by the status column, in any order, then keeps each translation with its text', () => {
    const p = project();
    // One entry: status, message and its zh-CN translation, without running into the next entry.
    const dup = (status: number, english: string, chinese: string) => new RegExp(`- code: DUP\\n\\s+status: ${status}\\n\\s+message: ${english}\\n(?:(?!- code:)[^])*?zh-CN:\\n\\s+message: ${chinese}\\n`);
    const importChinese = () => p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    p.write('errors.zh-CN.md', '| 错误码 | HTTP状态码 | 错误信息 |\n|-|-|-|\n| DUP | 409 | 第二个 |\n| DUP | 400 | 第一个 |\n');
    expect(importChinese().stderr).toBe('');
    expect(p.read('errors.yaml')).toMatch(dup(400, 'first', '第一个'));
    expect(p.read('errors.yaml')).toMatch(dup(409, 'second', '第二个'));
    // The default page swaps the statuses: each translation stays on the text it translates, and the page's stale status is said.
    p.write('errors.md', p.read('errors.md').replace('| DUP | 400 | first | |', '| DUP | 409 | first | |').replace('| DUP | 409 | second | |', '| DUP | 400 | second | |'));
    expect(p.run('import', 'errors.md', '-o', 'errors.yaml').code).toBe(0);
    const again = importChinese();
    expect(again.stderr).toContain('errors.zh-CN.md:3:9: warning: DUP: status 409 on this page, 400 in the catalog;');
    expect(again.stdout).toContain('0 added, 0 changed, 2 unchanged');
    expect(p.read('errors.yaml')).toMatch(dup(409, 'first', '第一个'));
    expect(p.read('errors.yaml')).toMatch(dup(400, 'second', '第二个'));
  });

  it('reports rows of codes the catalog does not have, with file:line:col, and adds nothing for them', () => {
    const p = project();
    p.write('errors.zh-CN.md', chinese('| RATE_LIMITED | 请求太多 | |', '| NO_SUCH_CODE | 没有 | |', '| DUP | 一 | |', '| DUP | 二 | |', '| DUP | 三 | |'));
    const result = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.zh-CN.md:6:3: warning: NO_SUCH_CODE is not in the catalog: its zh-CN translation was not imported. Import the code from the default-language page first, or fix the code in this page.\n' +
        'errors.zh-CN.md:9:3: warning: DUP (occurrence 3) is not in the catalog: its zh-CN translation was not imported. Import the code from the default-language page first, or fix the code in this page.\n',
    );
    expect(result.stdout).toBe('Imported 1 file, 1 table, 5 rows into errors.yaml as zh-CN: 2 added, 0 changed, 1 unchanged, 2 not in the catalog.\n');
    const after = p.read('errors.yaml');
    expect(after).not.toContain('NO_SUCH_CODE');
    expect(after).not.toContain('三');
    expect(after).toContain('message: 二');
  });

  it('names the code an alias in a translated page stands for, in import and in check', () => {
    const p = project();
    p.write('errors.yaml', p.read('errors.yaml').replace('- code: RATE_LIMITED\n', '- code: RATE_LIMITED\n        aliases: [TOO_MANY]\n'));
    p.write('errors.zh-CN.md', chinese('| TOO_MANY | 请求太多 | |'));
    const imported = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(imported.stderr).toBe(
      'errors.zh-CN.md:5:3: warning: TOO_MANY is an alias of RATE_LIMITED, not a code: its zh-CN translation was not imported. Write RATE_LIMITED in this row (or remove the row, if the page has one for it already): a translation is matched by its code.\n',
    );
    p.write('errgen.config.yaml', 'translations:\n  zh-CN: errors.zh-CN.md\ncatalog: errors.yaml\n');
    const checked = p.run('check', '--format', 'json');
    expect((JSON.parse(checked.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter((f) => f['rule'] === 'source-drift')).toEqual([
      expect.objectContaining({ message: 'TOO_MANY in errors.zh-CN.md:5 (zh-CN) is an alias of RATE_LIMITED, not a code', hint: 'Write RATE_LIMITED in this row (or remove the row, if the page has one for it already): a translation is matched by its code.' }),
    ]);
  });

  it('reads a status column, which it does not import, and warns where it differs from the catalog', () => {
    const p = project();
    p.write('errors.zh-CN.md', '| 错误码 | HTTP 状态码 | 错误信息 | 解决方案 |\n|-|-|-|-|\n| RATE_LIMITED | 503 | 请求太多 | |\n');
    const result = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.zh-CN.md:3:18: warning: RATE_LIMITED: status 503 on this page, 429 in the catalog; the status column of a translation is not imported. Correct the status on this page, or check that this row translates the right occurrence of the code.\n',
    );
    expect(p.read('errors.yaml')).toContain('        status: 429\n');
    // A cell that is not one status is said as in the default-language page, as a warning here.
    p.write('errors.zh-CN.md', '| 错误码 | HTTP 状态码 | 错误信息 | 解决方案 |\n|-|-|-|-|\n| RATE_LIMITED | 429 Not Found | 请求太多 | |\n');
    const named = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(named.code).toBe(0);
    expect(named.stderr).toBe(
      'errors.zh-CN.md:3:18: warning: status "429 Not Found" of RATE_LIMITED names two statuses: 429, and Not Found, which is 404, so it cannot be compared with the catalog. ' +
        'Fix the number or the phrase: `404 Not Found`, or `429` alone (429 is Too Many Requests). Or leave the cell empty.\n',
    );
  });

  it('rejects the default locale as a usage error, and a tag that is not one', () => {
    const p = project();
    p.write('errors.de.md', chinese('| RATE_LIMITED | Zu viele | |'));
    const before = p.read('errors.yaml');
    const en = p.run('import', '--locale', 'en', 'errors.de.md', '-o', 'errors.yaml');
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      "errgen: en is the catalog's default locale (locales.default in errors.yaml): its text is `message` and `solution`, imported from `sources`, not a translation\n",
    );
    p.write('errors.yaml', before.replace('\ngroups:', '\nlocales:\n  default: de\n\ngroups:'));
    expect(p.run('import', '--locale', 'de', 'errors.de.md', '-o', 'errors.yaml').stderr).toContain("errgen: de is the catalog's default locale");
    expect(p.run('import', '--locale', 'en', 'errors.de.md', '-o', 'errors.yaml').code).toBe(0);
    const bad = p.run('import', '--locale', 'chinese_simplified', 'errors.de.md', '-o', 'errors.yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('errgen: --locale expects a language tag such as zh-CN or pt-BR, not "chinese_simplified"\n');
  });

  it('keeps translations that left the page; --prune deletes them, and `messages` once empty', () => {
    const p = project();
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | |'));
    const kept = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(kept.stdout).toBe(
      'Imported 1 file, 1 table, 1 row into errors.yaml as zh-CN: 1 added, 0 changed, 0 unchanged, 1 missing from the page.\n' +
        '  kept the zh-CN translation of RATE_LIMITED (group "Errors"): it is no longer on the page; run with --prune to delete it.\n',
    );
    expect(p.read('errors.yaml')).toContain('message: 请求太多');
    const pruned = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml', '--prune');
    expect(pruned.stdout).toBe(
      'Imported 1 file, 1 table, 1 row into errors.yaml as zh-CN: 0 added, 0 changed, 1 unchanged, 1 pruned.\n' +
        '  pruned the zh-CN translation of RATE_LIMITED (group "Errors"): it is no longer on the page.\n',
    );
    // A comment written on the translation goes with it.
    expect(p.read('errors.yaml')).toContain('        solution: Retry later\n      - code: DUP\n');
    // --prune with --locale deletes translations only, never entries.
    expect(p.read('errors.yaml').match(/- code: /g)).toHaveLength(4);
  });

  it('writes nothing when a page has errors, and says where', () => {
    const p = project();
    const before = p.read('errors.yaml');
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 |', '|  | 空 | |'));
    const result = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errors.zh-CN.md:5:3: error: this row has 2 cells but the table header has 3. Add the missing cells (an empty cell is written `|  |`).\n' +
        'errors.zh-CN.md:6:2: error: the error code cell is empty. Write the code, e.g. NOT_FOUND, or delete the row.\n' +
        'errgen: import failed with 2 problems; errors.yaml was not changed\n',
    );
    expect(p.read('errors.yaml')).toBe(before);
  });
});

describe('errgen import --locale: tag case and placeholders', () => {
  it('canonicalLocaleCase: language lower, script Title, region UPPER, extensions lower', () => {
    const tags = ['zh-hant-tw', 'ZH-CN', 'En', 'es-419', 'sr-LATN-rs', 'de-CH-1901', 'en-US-x-TWAIN', 'de-u-CO-phonebk'];
    expect(tags.map(canonicalLocaleCase)).toEqual(['zh-Hant-TW', 'zh-CN', 'en', 'es-419', 'sr-Latn-RS', 'de-CH-1901', 'en-US-x-twain', 'de-u-co-phonebk']);
  });

  it('matches --locale case-insensitively: the catalog’s spelling, the default in any case refused, a new tag in the usual case', () => {
    const p = project();
    p.write('errors.page.md', chinese('| RATE_LIMITED | 请求过多 | |'));
    const upper = p.run('import', '--locale', 'ZH-cn', 'errors.page.md', '-o', 'errors.yaml');
    expect(upper.stderr).toBe('');
    expect(upper.stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml as zh-CN: 0 added, 1 changed, 0 unchanged.\n  changed the zh-CN translation of RATE_LIMITED: message\n');
    expect(p.read('errors.yaml')).toContain('          zh-CN:\n            message: 请求过多\n');
    expect(p.read('errors.yaml')).not.toContain('ZH-cn');

    const en = p.run('import', '--locale', 'EN', 'errors.page.md', '-o', 'errors.yaml');
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      "errgen: EN (en) is the catalog's default locale (locales.default in errors.yaml): its text is `message` and `solution`, imported from `sources`, not a translation\n",
    );

    const fresh = p.run('import', '--locale', 'zh-hant-tw', 'errors.page.md', '-o', 'errors.yaml');
    expect(fresh.stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml as zh-Hant-TW: 1 added, 0 changed, 0 unchanged.\n');
    expect(p.read('errors.yaml')).toContain('          zh-Hant-TW:\n            message: 请求过多\n');
    expect(p.run('check', '--catalog', 'errors.yaml').stdout).not.toContain('locale-config');
  });

  it('a config key in another case reads the catalog’s locale, in import and in check', () => {
    const p = project();
    p.write('errgen.config.yaml', 'sources: [errors.md]\ntranslations:\n  ZH-CN: errors.zh-CN.md\ncatalog: errors.yaml\n');
    p.write('errors.zh-CN.md', chinese('| RATE_LIMITED | 请求过多 | |'));
    expect(p.run('import', '--locale', 'zh-cn').stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml as zh-CN: 0 added, 1 changed, 0 unchanged.\n  changed the zh-CN translation of RATE_LIMITED: message\n');
    expect(p.run('import').stdout).toContain('into errors.yaml as zh-CN: 0 added, 0 changed, 1 unchanged (file already up to date).\n');
    expect(p.read('errors.yaml')).not.toContain('ZH-CN');
    const check = p.run('check');
    expect(check.stdout).not.toContain('source-drift');
  });

  it('warns at the page cell about stray braces and placeholders the default text does not use, and imports the row', () => {
    const p = project();
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {lmit} | 请检查 { ID |', '| RATE_LIMITED | 请求太多 {n} | |'));
    const result = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.zh-CN.md:5:15: warning: the zh-CN message of NOT_FOUND lacks {resource} (used by the en message) and has {lmit} (not used by it). A translation uses the same placeholders as the en text, in any order: {resource}. [translation-placeholders]\n' +
        'errors.zh-CN.md:5:28: warning: the zh-CN solution of NOT_FOUND has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit). Write {{ or }} for a literal brace. [placeholder-syntax]\n' +
        'errors.zh-CN.md:6:18: warning: the zh-CN message of RATE_LIMITED has {n}, which the en message does not use. A translation uses the same placeholders as the en text, in any order: none. [translation-placeholders]\n',
    );
    expect(result.stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml as zh-CN: 1 added, 1 changed, 0 unchanged.\n  changed the zh-CN translation of RATE_LIMITED: message\n');
    expect(p.read('errors.yaml')).toContain('message: 找不到 {lmit}');
    // A cell that reads as the catalog's template (the placeholder written as a word) keeps it: no warning.
    p.write('errors.yaml', p.read('errors.yaml').replace('找不到 {lmit}', '找不到 {resource}').replace('请检查 { ID', '请检查 ID'));
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 resource | 请检查 ID |'));
    const clean = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(clean.stderr).toBe('');
  });
});

describe('errgen import: a no-op import', () => {
  it('leaves a catalog with flow collections and comments byte for byte as it is when nothing changed', () => {
    const p = project();
    const handWritten = p
      .read('errors.yaml')
      .replace('\ngroups:', '\nlocales: { default: en, supported: [zh-CN]  }  # keep\n\ngroups:')
      .replace('resource: { type: string, example: user }', 'resource: {type: string, example: user}   # sample')
      .replace('          zh-CN:\n            message: 请求太多\n            reviewed: false\n', '          zh-CN: {message: 请求太多,   reviewed: false}  # flow\n');
    p.write('errors.yaml', handWritten);
    const sidecar = p.read('errors.sources.json');
    const source = p.run('import', 'errors.md', '-o', 'errors.yaml');
    expect(source.stdout).toBe('Imported 1 file, 1 table, 4 rows into errors.yaml: 0 added, 0 changed, 4 unchanged (file already up to date).\n');
    p.write('errors.zh-CN.md', chinese('| RATE_LIMITED | 请求太多 | |'));
    const translation = p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml');
    expect(translation.stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml as zh-CN: 0 added, 0 changed, 1 unchanged (file already up to date).\n');
    expect(p.read('errors.yaml')).toBe(handWritten);
    expect(p.read('errors.sources.json')).toBe(sidecar);
    // A change still writes, and the flow collections come back as the yaml library writes them.
    p.write('errors.zh-CN.md', chinese('| RATE_LIMITED | 请求过多 | |'));
    expect(p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml').stdout).toContain('1 changed');
    expect(p.read('errors.yaml')).toContain('message: 请求过多');
    // …which is why a no-op import must not serialise at all.
    expect(p.read('errors.yaml')).not.toBe(handWritten.replace('请求太多,', '请求过多,'));
  });
});

describe('translations in errgen.config.yaml', () => {
  function configured() {
    const p = project();
    p.write('errgen.config.yaml', 'sources: [errors.md]\ntranslations:\n  zh-CN: errors.zh-CN.md\ncatalog: errors.yaml\n');
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | 请检查 ID |', '| RATE_LIMITED | 请求太多 | |'));
    return p;
  }

  it('`errgen import` imports the sources, then every translated page; --locale alone imports that locale’s pages', () => {
    const p = configured();
    p.write('errors.md', english.replace('| Too many requests |', '| Slow down |'));
    const all = p.run('import');
    expect(all.stderr).toBe('');
    expect(all.stdout).toBe(
      'Imported 1 file, 1 table, 4 rows into errors.yaml: 0 added, 1 changed, 3 unchanged.\n' +
        '  changed RATE_LIMITED: message\n' +
        'Imported 1 file, 1 table, 2 rows into errors.yaml as zh-CN: 1 added, 0 changed, 1 unchanged.\n',
    );
    expect(p.read('errors.yaml')).toContain('message: Slow down\n');
    expect(p.read('errors.yaml')).toContain('          zh-CN:\n            message: 找不到 {resource}\n            solution: 请检查 ID\n');

    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | 请检查 ID |', '| RATE_LIMITED | 请求过多 | |'));
    const one = p.run('import', '--locale', 'zh-CN');
    expect(one.stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml as zh-CN: 0 added, 1 changed, 1 unchanged.\n  changed the zh-CN translation of RATE_LIMITED: message\n');
    expect(p.run('import', '--locale', 'fr').stderr).toBe(
      'errgen: no Markdown page to import as fr: name it (`errgen import --locale fr page.md`) or list it under `translations.fr` in errgen.config.yaml\n',
    );
  });

  it('warns of a page named on the command line that the config does not list, as check will not read it', () => {
    const p = configured();
    p.write('webhooks.md', english.replace('## Errors', '## Webhooks').replace(/\| [A-Z_]+ \|/g, (cell) => cell.replace(' ', ' HOOK_')));
    p.write('other.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | 请检查 ID |'));
    const said = (...args: string[]) => p.run('import', ...args).stderr;
    expect(said('webhooks.md')).toBe(
      'warning: webhooks.md is not listed under `sources` in errgen.config.yaml, so `errgen check` does not compare it with the catalog: drift on this page goes unseen. Add it to `sources`; then `errgen import` alone reads it too.\n',
    );
    expect(said('--locale', 'zh-CN', 'other.zh-CN.md')).toContain('warning: other.zh-CN.md is not listed under `translations.zh-CN` in errgen.config.yaml');
    // The locale in another case is the config's key, named as the config writes it.
    expect(said('--locale', 'zh-cn', 'other.zh-CN.md')).toContain('is not listed under `translations.zh-CN` in');
    expect(said('--locale', 'zh-cn', 'errors.zh-CN.md')).toBe('');
    // Listed pages, however written, and a page imported into another catalog: nothing to say.
    expect(said('./errors.md')).toBe('');
    expect(said('--locale', 'zh-CN', 'errors.zh-CN.md')).toBe('');
    expect(said('webhooks.md', '-o', 'webhooks.yaml')).toBe('');
  });

  it('rejects the default locale and a malformed tag in the config', () => {
    const p = configured();
    p.write('errgen.config.yaml', 'sources: [errors.md]\ntranslations:\n  en: errors.zh-CN.md\ncatalog: errors.yaml\n');
    const result = p.run('import');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("errgen: en is the catalog's default locale");
    p.write('errgen.config.yaml', 'sources: [errors.md]\ntranslations:\n  "zh CN": errors.zh-CN.md\n');
    const bad = p.run('import');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^errgen\.config\.yaml:3:3: error: .*translations/m);
  });

  it('`errgen check` compares the translated page with messages.<locale>, cell by cell', () => {
    const p = configured();
    expect(p.run('import').code).toBe(0);
    const drift = () => {
      const result = p.run('check', '--format', 'json');
      const findings = (JSON.parse(result.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter((f) => f['rule'] === 'source-drift');
      return findings.map((f) => `${String(f['file'])}:${String(f['line'])}:${String(f['column'])} ${String(f['code'])}: ${String(f['message'])}`);
    };
    expect(drift()).toEqual([]);
    p.write(
      'errors.zh-CN.md',
      chinese('| NOT_FOUND | 找不到 resource | 请检查 |', '| RATE_LIMITED | 请求太多 | |', '| DUP | 一 | |', '| GONE | 没了 | |'),
    );
    expect(drift()).toEqual([
      // The message cell writes the placeholder as a plain word: it matches the catalog's template.
      'errors.zh-CN.md:5:30 NOT_FOUND: NOT_FOUND: zh-CN solution "请检查" in errors.zh-CN.md:5, "请检查 ID" in the catalog (errors.yaml:6)',
      'errors.zh-CN.md:7:3 DUP: DUP is translated into zh-CN in errors.zh-CN.md:7 but has no zh-CN translation in the catalog (errors.yaml:25)',
      'errors.zh-CN.md:8:3 GONE: GONE is in errors.zh-CN.md:8 (zh-CN) but not in the catalog',
    ]);
    // The status column of a translated page is compared too, though import never writes it.
    p.write('errors.zh-CN.md', '| 错误码 | HTTP 状态码 | 错误信息 |\n|-|-|-|\n| RATE_LIMITED | 503 | 请求太多 |\n');
    expect(drift()).toEqual(['errors.zh-CN.md:3:18 RATE_LIMITED: RATE_LIMITED: status 503 in errors.zh-CN.md:3, 429 in the catalog (errors.yaml:16)']);
  });

  it('`errgen check` advises fixing the translated page where `errgen import` would not help', () => {
    const p = configured();
    expect(p.run('import').code).toBe(0);
    p.write('errors.zh-CN.md', '| 错误码 | HTTP 状态码 | 错误信息 |\n|-|-|-|\n| RATE_LIMITED | 503 | 请求太多 |\n| GONE | 410 | 没了 |\n| NOT_FOUND | 404 | 找不到 |\n');
    const result = p.run('check', '--format', 'json');
    const hints = (JSON.parse(result.stdout) as { findings: Array<Record<string, unknown>> }).findings
      .filter((f) => f['rule'] === 'source-drift')
      .map((f) => `${String(f['line'])}:${String(f['column'])} ${String(f['hint'])}`);
    expect(hints).toEqual([
      "3:18 Correct the status column of the translated page (or leave it empty): `errgen import` never imports a translation's status.",
      '4:3 Add the code to the default-language page and run `errgen import` first, or remove or rename this row of the translated page.',
      // A solution the page has no column for (placed at the row), and a differing message: what import does fix.
      '5:3 Run `errgen import` to update the catalog from the Markdown, or change the Markdown to match.',
      '5:21 Run `errgen import` to update the catalog from the Markdown, or change the Markdown to match.',
    ]);
  });
});

describe('errgen import: translations of a text that changed', () => {
  /** The project with zh-CN translations of NOT_FOUND (reviewed: true by hand) and of both DUP rows, the second with a solution of its own. */
  function translated() {
    const p = project();
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | 请检查 ID |', '| DUP | 第一个 | |', '| DUP | 第二个 | 换个办法 |'));
    expect(p.run('import', '--locale', 'zh-CN', 'errors.zh-CN.md', '-o', 'errors.yaml').code).toBe(0);
    p.write('errors.yaml', p.read('errors.yaml').replace('solution: 请检查 ID\n', 'solution: 请检查 ID\n            reviewed: true\n'));
    return p;
  }

  it('marks reviewed: false on each translation of a changed message, with a warning at the Markdown cell', () => {
    const p = translated();
    // RATE_LIMITED's translation is marked already: no warning for it.
    p.write('errors.md', english.replace('The {resource} is absent', 'No {resource} here').replace('Too many requests', 'Slow down'));
    const result = p.run('import', 'errors.md', '-o', 'errors.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.md:5:21: warning: the en message of NOT_FOUND changed: its zh-CN translation, written for the old text, is now marked `reviewed: false`. ' +
        'Update the zh-CN translation (its page, then import, or messages.zh-CN in the catalog) and have it checked, then remove `reviewed: false`.\n',
    );
    // `reviewed: true` turned, in place; the other translations are untouched.
    expect(p.read('errors.yaml')).toContain('          zh-CN:\n            message: 找不到 {resource}\n            solution: 请检查 ID\n            reviewed: false\n');
    expect(p.read('errors.yaml').match(/reviewed: false/g)).toHaveLength(2); // and RATE_LIMITED's, from project()
    // Marked once: the next import changes nothing and says nothing.
    const again = p.run('import', 'errors.md', '-o', 'errors.yaml');
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('(file already up to date)');
  });

  it('a changed solution leaves behind only translations with a solution of their own, by occurrence', () => {
    const p = translated();
    p.write('errors.md', english.replace('| DUP | 400 | first | |', '| DUP | 400 | first | Try once |').replace('| DUP | 409 | second | |', '| DUP | 409 | second | Try twice |'));
    const result = p.run('import', 'errors.md', '-o', 'errors.yaml');
    expect(result.stderr).toMatch(/^errors\.md:8:24: warning: the en solution of DUP changed: its zh-CN translation, written for the old text, is now marked `reviewed: false`\. /);
    expect(result.stderr.match(/warning/g)).toHaveLength(1);
    expect(p.read('errors.yaml')).toContain('            message: 第二个\n            solution: 换个办法\n            reviewed: false\n');
    expect(p.read('errors.yaml')).toContain('            message: 第一个\n      - code: DUP');
  });

  it('leaves a translation the same import rewrote from its page for the new text', () => {
    const p = translated();
    p.write('errgen.config.yaml', 'sources: [errors.md]\ntranslations:\n  zh-CN: errors.zh-CN.md\ncatalog: errors.yaml\n');
    p.write('errors.md', english.replace('The {resource} is absent', 'No {resource} here').replace('| DUP | 400 | first | |', '| DUP | 400 | the first | |'));
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 这里没有 {resource} | 请检查 ID |', '| DUP | 第一个 | |', '| DUP | 第二个 | 换个办法 |'));
    const result = p.run('import');
    expect(result.stderr).toBe(
      'errors.md:7:15: warning: the en message of DUP changed: its zh-CN translation, written for the old text, is now marked `reviewed: false`. ' +
        'Update the zh-CN translation (its page, then import, or messages.zh-CN in the catalog) and have it checked, then remove `reviewed: false`.\n',
    );
    expect(p.read('errors.yaml')).toContain('            message: 这里没有 {resource}\n            solution: 请检查 ID\n            reviewed: true\n');
  });

  it('warns at the cell when a reworded text no longer writes a placeholder the catalog had', () => {
    const p = translated();
    p.write('errors.md', english.replace('The {resource} is absent', 'The resource is gone'));
    const result = p.run('import', 'errors.md', '-o', 'errors.yaml');
    expect(result.stderr.split('\n')[0]).toBe(
      'errors.md:5:21: warning: the en message of NOT_FOUND no longer has {resource}: the page\'s new text does not write it as a placeholder. ' +
        'Write {resource} in the cell where the value goes, and import again; if the parameter is gone on purpose, its callers break (param-removed).',
    );
  });

  it('does not warn of a placeholder that moved to the solution: the parameter is still there', () => {
    const p = translated();
    p.write('errors.md', english.replace('| The {resource} is absent | Check the id |', '| Nothing was found | Check the {resource} id |'));
    const result = p.run('import', 'errors.md', '-o', 'errors.yaml');
    expect(result.stderr).not.toContain('no longer has');
    expect(result.stderr).toContain('the en message and solution of NOT_FOUND changed');
  });

  it('marks a translation whose page rewrote another field than the one that changed', () => {
    const p = translated();
    p.write('errgen.config.yaml', 'sources: [errors.md]\ntranslations:\n  zh-CN: errors.zh-CN.md\ncatalog: errors.yaml\n');
    p.write('errors.md', english.replace('The {resource} is absent', 'No {resource} here'));
    p.write('errors.zh-CN.md', chinese('| NOT_FOUND | 找不到 {resource} | 请再检查 ID |', '| DUP | 第一个 | |', '| DUP | 第二个 | 换个办法 |'));
    const result = p.run('import');
    expect(result.stderr).toMatch(/^errors\.md:5:21: warning: the en message of NOT_FOUND changed: its zh-CN translation, written for the old text, is now marked `reviewed: false`\. /);
    expect(p.read('errors.yaml')).toContain('            message: 找不到 {resource}\n            solution: 请再检查 ID\n            reviewed: false\n');
  });
});
