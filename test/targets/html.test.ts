import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from '../helpers/cli.js';
import { evolvedCatalog, expectedFrom, hostileCatalog, seedCatalog } from './harness.js';
import { messagesCatalog } from './messages-harness.js';

/**
 * The HTML page proven in a real browser: Debian's Chromium, driven by playwright-core, with every
 * network request blocked and counted. A missing browser fails the tests; they are never skipped.
 */
const chromiumPath = '/usr/bin/chromium';
const artifacts = join(repoRoot, '.tmp/artifacts');

/** Generates the html and docs targets of a catalog into `dir`; returns the two pages' paths. */
function generatePages(dir: string, catalogText: string): { html: string; markdown: string } {
  writeFileSync(join(dir, 'errors.yaml'), catalogText);
  writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  html:\n    options:\n      title: Error codes\n  docs:\n');
  const result = errgen(['generate'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { html: join(dir, 'out/docs/error-codes.html'), markdown: join(dir, 'out/docs/error-codes.md') };
}

let context: BrowserContext;
let profile: string;
/** The generated pages' file URLs: the only requests allowed. */
const pageUrls = new Set<string>();
/** Whatever a page asked the network for, dialogs it opened, errors it raised: all must stay empty. */
const incidents: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium was not found at ${chromiumPath}; install Debian's chromium (apt-get install chromium): the HTML page is proven in a real browser.`);
  }
  mkdirSync(artifacts, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'errgen-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  // Every request is routed here: the generated page itself loads, anything else is refused and counted.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (pageUrls.has(url.split('#')[0] ?? url)) return route.continue();
    incidents.push(`request: ${url}`);
    return route.abort();
  });
});

afterEach(() => {
  expect(incidents.splice(0)).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Waits until a fresh page of `file` reads `theme` as the stored choice. */
async function storedTheme(file: string, theme: string): Promise<void> {
  const reader = await open(file);
  try {
    await expect.poll(() => reader.evaluate<string | null>("localStorage.getItem('errgen-theme')"), { timeout: 5000 }).toBe(theme);
  } finally {
    await reader.close();
  }
}

/** Opens a generated page from disk; any request other than the file itself is an incident. */
async function open(file: string, options: { hash?: string; colorScheme?: 'light' | 'dark'; blockStorage?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  pageUrls.add(url);
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') incidents.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  if (options.blockStorage) {
    // As in a sandboxed frame or with site data blocked: touching localStorage throws.
    await page.addInitScript(`Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });`);
  }
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  await page.goto(url + (options.hash ?? ''));
  await page.locator('#page_controls').waitFor({ state: 'visible' });
  return page;
}

const visibleCodes = (page: Page) => page.locator('tbody tr:visible th > a > code').allTextContents();
const visibleRows = (page: Page) => page.locator('tbody tr:visible').count();
const background = (page: Page) => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');

/** Clears the search box and types `query` key by key, as a reader would. */
async function search(page: Page, query: string): Promise<void> {
  await page.locator('#search_box').fill('');
  await page.locator('#search_box').pressSequentially(query);
}

describe('the html page of the seed catalog', () => {
  const dir = tempDir();
  const pages = generatePages(dir, readFileSync(seedCatalog, 'utf8'));

  it('shows every row in a table per group, the count, and the Markdown page’s anchors', async () => {
    const page = await open(pages.html);
    expect(await page.locator('table').count()).toBe(2);
    expect(await page.locator('section.group h2').allTextContents()).toEqual(['General Error Code', 'Console Error Code']);
    expect(await visibleRows(page)).toBe(63);
    expect(await page.locator('#row_count').textContent()).toBe('Showing all 63 rows');
    expect(await page.locator('thead th[scope="col"]').first().textContent()).toBe('Code');
    const markdownAnchors = [...readFileSync(pages.markdown, 'utf8').matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    const htmlAnchors = await page.evaluate<string[]>("[...document.querySelectorAll('tbody tr[id]')].map((row) => row.id)");
    expect(htmlAnchors).toHaveLength(62);
    expect(htmlAnchors).toEqual(markdownAnchors);
    await page.screenshot({ path: join(artifacts, 'html-light.png'), fullPage: true });
    await page.close();
  });

  it('filters as you type, over code, status and message, and says when nothing matches', async () => {
    const page = await open(pages.html);
    await search(page, 'NOT_FOUND');
    expect(await visibleCodes(page)).toEqual(['ARGUMENT_NOT_FOUND', 'NOT_FOUND', 'APIGATEWAY_ARGUMENT_NOT_FOUND', 'APIGW_RECORD_NOT_FOUND', 'APIGATEWAY_BIND_GROUP_NOT_FOUND', 'APIGATEWAY_NOT_FOUND']);
    expect(await page.locator('#row_count').textContent()).toBe('Showing 6 of 63 rows');
    await search(page, '409');
    expect(await visibleRows(page)).toBe(13);
    expect(await page.locator('tbody tr:visible td.status').allTextContents()).toEqual(Array(13).fill('409 Conflict'));
    await search(page, 'try again later');
    expect(await visibleCodes(page)).toEqual(['RATE_LIMIT_EXCEEDED', 'UNKNOWN', 'INTERNAL', 'DEADLINE_EXCEEDED']);
    await search(page, 'precondition 409');
    expect(await visibleCodes(page)).toEqual(['FAILED_PRECONDITION']);
    await search(page, 'no such thing');
    expect(await visibleRows(page)).toBe(0);
    expect(await page.locator('#no_results').isVisible()).toBe(true);
    expect(await page.locator('section.group:visible').count()).toBe(0);
    await page.locator('#search_box').press('Escape');
    expect(await visibleRows(page)).toBe(63);
    expect(await page.locator('#no_results').isVisible()).toBe(false);
    await page.close();
  });

  it('filters by status class: 499 is a 4xx, the 200 among errors is "other"', async () => {
    const page = await open(pages.html);
    const choose = async (value: string) => page.locator(`input[name="status_class"][value="${value}"]`).check();
    await choose('other');
    expect(await visibleCodes(page)).toEqual(['APIGATEWAY_SUCCESS']);
    await choose('5xx');
    expect(await visibleRows(page)).toBe(11);
    await choose('4xx');
    expect(await visibleRows(page)).toBe(51);
    expect(await visibleCodes(page)).toContain('CANCELLED');
    await search(page, 'FAILED_PRECONDITION');
    expect(await page.locator('tbody tr:visible td.status').allTextContents()).toEqual(['400 Bad Request', '409 Conflict']);
    await choose('all');
    await search(page, '');
    expect(await visibleRows(page)).toBe(63);
    await page.close();
  });

  it('works from the keyboard: / focuses the search, arrow keys choose a class', async () => {
    const page = await open(pages.html);
    await page.keyboard.press('/');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('search_box');
    await page.keyboard.type('quota');
    expect(await visibleCodes(page)).toEqual(['QUOTA_EXCEEDED']);
    await page.keyboard.press('Escape');
    await page.locator('input[name="status_class"][value="all"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="status_class"]:checked').getAttribute('value')).toBe('4xx');
    expect(await visibleRows(page)).toBe(51);
    await page.close();
  });

  it('links every code: following one sets the hash and marks its row; a hidden target clears the filters', async () => {
    const page = await open(pages.html);
    await page.locator('a[href="#not-found"]').click();
    expect(new URL(page.url()).hash).toBe('#not-found');
    expect(await page.locator('tr:target').getAttribute('id')).toBe('not-found');
    expect(await page.locator('tr:target th > a > code').textContent()).toBe('NOT_FOUND');
    // The second FAILED_PRECONDITION row links to the code's first row, as the Markdown page does.
    expect(await page.locator('tr[data-status="409"] a[href="#failed-precondition"]').count()).toBe(1);
    await search(page, 'CONFLICT');
    await page.goto(`${pathToFileURL(pages.html).href}#deadline-exceeded`);
    expect(await page.locator('#deadline-exceeded').isVisible()).toBe(true);
    expect(await page.locator('#search_box').inputValue()).toBe('');
    expect(await visibleRows(page)).toBe(63);
    await page.close();

    const direct = await open(pages.html, { hash: '#apigateway-success' });
    expect(await direct.locator('tr:target th > a > code').textContent()).toBe('APIGATEWAY_SUCCESS');
    await direct.close();
  });

  it('follows the system theme, toggles dark and remembers the choice', async () => {
    const page = await open(pages.html);
    await page.evaluate('localStorage.clear()');
    await page.reload();
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('#theme_toggle').getAttribute('aria-pressed')).toBe('false');
    await page.locator('#theme_toggle').click();
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    expect(await page.locator('#theme_toggle').getAttribute('aria-pressed')).toBe('true');
    // Chromium hands a page's storage writes to the browser process asynchronously, and a reloaded page
    // reads from there: on a loaded machine the reload could come first (seen once). Wait until another
    // page of the same file sees the choice.
    await storedTheme(pages.html, 'dark');
    await page.reload();
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: join(artifacts, 'html-dark.png') });
    await page.locator('#theme_toggle').click();
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await page.evaluate('localStorage.clear()');
    await page.close();

    const dark = await open(pages.html, { colorScheme: 'dark' });
    expect(await background(dark)).toBe('rgb(13, 17, 23)');
    expect(await dark.locator('#theme_toggle').getAttribute('aria-pressed')).toBe('true');
    await dark.close();
  });

  it('still works when storage is blocked', async () => {
    const page = await open(pages.html, { blockStorage: true });
    expect(await page.evaluate<string>("(() => { try { return typeof localStorage; } catch (e) { return e.name; } })()")).toBe('SecurityError');
    await page.locator('#theme_toggle').click();
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    await search(page, 'quota');
    expect(await visibleRows(page)).toBe(1);
    await page.close();
  });

  it('fits a phone: cards, no horizontal overflow', async () => {
    const page = await open(pages.html);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('tbody tr')).display")).toBe('block');
    expect(await page.locator('thead').first().isVisible()).toBe(true); // kept for screen readers, clipped to 1px
    await search(page, 'APIGATEWAY_BACKENDSERVICE');
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await search(page, '');
    await page.screenshot({ path: join(artifacts, 'html-phone.png') });
    await page.close();
  });

  it('prints every visible row on white, without the controls', async () => {
    const page = await open(pages.html, { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('#page_controls').isVisible()).toBe(false);
    expect(await visibleRows(page)).toBe(63);
    await page.close();
  });
});

describe('the html page of the seed catalog, in its languages', () => {
  const dir = tempDir();
  const pages = generatePages(dir, readFileSync(seedCatalog, 'utf8'));
  const cell = (page: Page, anchor: string, field: string) => page.locator(`#${anchor} td[data-field="${field}"]`);

  it('marks placeholders and lists each code\'s parameters, with type and description', async () => {
    const page = await open(pages.html);
    const message = cell(page, 'argument-wrong-format', 'message');
    expect(await message.textContent()).toBe('Type of parameter {argument} shall be of a {format}');
    expect(await message.locator('var.param').allTextContents()).toEqual(['{argument}', '{format}']);
    expect(await message.locator('var.param').first().getAttribute('title')).toBe('string: The name of the request parameter');
    expect(await cell(page, 'out-of-range', 'message').locator('var').count()).toBe(0);
    // A Parameters column, in both groups (each has codes with parameters).
    expect(await page.locator('thead th[scope="col"]:text-is("Parameters")').count()).toBe(2);
    expect(await page.locator('#argument-wrong-format td.params li').allTextContents()).toEqual([
      '{argument} string The name of the request parameter',
      '{format} string The format the value must have',
    ]);
    expect(await page.locator('#out-of-range td.params').textContent()).toBe('');
    await page.close();
  });

  it('switches messages and solutions to zh-CN in the page, marks placeholders there too, and back', async () => {
    const page = await open(pages.html);
    const select = page.locator('#locale_select');
    expect(await select.inputValue()).toBe('en');
    expect(await select.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['en', 'zh-CN']);
    await select.selectOption('zh-CN');
    expect(await cell(page, 'not-found', 'message').textContent()).toBe('找不到资源');
    expect(await cell(page, 'not-found', 'message').getAttribute('lang')).toBe('zh-CN');
    expect(await cell(page, 'not-found', 'solution').textContent()).toBe('请检查访问信息');
    const translatedMessage = cell(page, 'argument-not-support', 'message');
    expect(await translatedMessage.textContent()).toBe('不支持参数 {argument}');
    expect(await translatedMessage.locator('var.param').allTextContents()).toEqual(['{argument}']);
    // A code without a zh-CN text keeps its English one, and says nothing about a language.
    expect(await cell(page, 'argument-wrong-format', 'message').textContent()).toBe('Type of parameter {argument} shall be of a {format}');
    expect(await cell(page, 'argument-wrong-format', 'message').getAttribute('lang')).toBeNull();
    // A translation not yet reviewed is flagged.
    expect(await page.locator('tr.unreviewed').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(['RATE_LIMIT_EXCEEDED']);
    // The search looks at what is shown.
    await search(page, '找不到');
    expect(await visibleCodes(page)).toEqual(['NOT_FOUND']);
    await search(page, '');
    await page.screenshot({ path: join(artifacts, 'html-zh-CN.png'), fullPage: true });
    await select.selectOption('en');
    expect(await cell(page, 'not-found', 'message').textContent()).toBe('resource cannot be found');
    expect(await cell(page, 'argument-not-support', 'message').locator('var.param').allTextContents()).toEqual(['{argument}']);
    expect(await page.locator('tr.unreviewed').count()).toBe(0);
    await search(page, '找不到');
    expect(await visibleRows(page)).toBe(0);
    await page.close();
  });
});

describe('the html page of the messages catalog', () => {
  const dir = tempDir();
  const pages = generatePages(dir, messagesCatalog);
  const message = (page: Page, anchor: string) => page.locator(`#${anchor} td[data-field="message"]`);

  it('follows each locale\'s fallback chain: zh-HK shows zh-TW\'s text, marked as not reviewed', async () => {
    const page = await open(pages.html);
    const select = page.locator('#locale_select');
    expect(await select.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
    await select.selectOption('zh-HK');
    expect(await message(page, 'not-found').textContent()).toBe('找不到資源「{resource}」（編號 {id}）');
    expect(await message(page, 'not-found').getAttribute('lang')).toBe('zh-TW');
    expect(await page.locator('#not-found.unreviewed').count()).toBe(1);
    expect(await message(page, 'plain').textContent()).toBe('没有占位符');
    expect(await message(page, 'quota').textContent()).toBe('Used {ratio} of {{quota}}; strict={strict}');
    await select.selectOption('de');
    expect(await message(page, 'quota').textContent()).toBe('{ratio} von {{quota}} verbraucht; strikt={strict}');
    expect(await message(page, 'quota').locator('var.param').allTextContents()).toEqual(['{ratio}', '{strict}']);
    expect(await page.locator('#quota td[data-field="solution"]').textContent()).toBe('{seconds} s warten');
    expect(await message(page, 'plain').textContent()).toBe('No placeholders here');
    expect(await page.locator('.unreviewed').count()).toBe(0);
    await page.close();
  });

  it('keeps hostile text as text, and literal braces unmarked', async () => {
    const page = await open(pages.html);
    const escapes = message(page, 'escapes');
    expect(await escapes.textContent()).toBe('Line\nbreak {value} tab\tend \u2028 */ --> </script> \\ "q" \'a\' ${{x}} %s %d');
    expect(await escapes.locator('var.param').allTextContents()).toEqual(['{value}']);
    expect(await page.locator('#escapes td[data-field="solution"] var').count()).toBe(0);
    expect(await page.locator('#keywords td.params var.param').allTextContents()).toEqual(['{type}', '{class}', '{locale}', '{func}', '{self}', '{default}', '{params}', '{string}']);
    await page.close();
  });
});

describe('the no-network guard', () => {
  it('catches a page that asks for anything but itself', async () => {
    const dir = tempDir();
    const file = join(dir, 'leaky.html');
    writeFileSync(file, '<!DOCTYPE html><title>leaky</title><img src="https://example.invalid/x.png"><div id="page_controls">x</div>');
    const page = await open(file);
    await page.close();
    expect(incidents.splice(0).filter((i) => i.startsWith('request: https://example.invalid/'))).toHaveLength(1);
  });
});

describe('the html page of the hostile catalog', () => {
  const dir = tempDir();
  const pages = generatePages(dir, readFileSync(hostileCatalog, 'utf8'));

  it('shows catalog text as text: every cell equals the catalog string, no element is injected', async () => {
    const page = await open(pages.html);
    const expected = await expectedFrom(readFileSync(hostileCatalog, 'utf8'));
    // HTML cannot carry U+0000 (the parser drops it or makes it U+FFFD): the one documented exception.
    const shown = (text: string) => text.replace(/\0/g, '\ufffd');
    const firstRows = page.locator('tbody tr[id]');
    expect(await firstRows.count()).toBe(expected.codes.length);
    for (const [i, code] of expected.codes.entries()) {
      const row = firstRows.nth(i);
      expect(await row.locator('th > a > code').textContent()).toBe(code.code);
      expect(await row.locator('td.text').allTextContents()).toEqual([shown(code.message), shown(code.solution)]);
    }
    expect(await page.locator('section.group h2').first().textContent()).toBe('Quotes "and" <HTML> & {{braces}}');
    expect(await page.locator('script').count()).toBe(2);
    const tags = await page.evaluate<string[]>("[...new Set([...document.querySelectorAll('tbody *')].map((e) => e.localName))].sort()");
    expect(tags).toEqual(['a', 'code', 'li', 'span', 'td', 'th', 'tr', 'ul', 'var']);
    // The only elements in text cells mark the placeholders, {raw} in `{{{raw}}}` and {injected} in `${injected}`; `{{name}}` and `{0}` are text.
    expect(await page.locator('td.text *').evaluateAll((elements) => elements.map((e) => e.outerHTML))).toEqual([
      '<var class="param" title="string">{raw}</var>',
      '<var class="param" title="string">{injected}</var>',
      '<var class="param" title="integer">{size}</var>',
    ]);
    await page.screenshot({ path: join(artifacts, 'html-hostile.png'), fullPage: true });
    await page.close();
  });

  it('finds Chinese, emoji and markup by search, and links odd codes', async () => {
    const page = await open(pages.html);
    await search(page, '资源不存在');
    expect(await visibleCodes(page)).toEqual(['UNICODE_TEXT']);
    await search(page, '👩‍💻');
    expect(await visibleCodes(page)).toEqual(['UNICODE_TEXT']);
    await search(page, '请检查');
    expect(await visibleCodes(page)).toEqual(['UNICODE_TEXT']);
    await search(page, "<script>alert('x')");
    expect(await visibleCodes(page)).toEqual(['TEMPLATE_SYNTAX']);
    await search(page, 'twice');
    expect(await visibleRows(page)).toBe(2);
    await search(page, '');
    await page.locator('input[name="status_class"][value="other"]').check();
    expect(await visibleCodes(page)).toEqual(['OK_CODE']);
    await page.locator('input[name="status_class"][value="4xx"]').check();
    expect(await visibleCodes(page)).toContain('CLIENT_CLOSED');
    await page.locator('input[name="status_class"][value="all"]').check();
    await page.locator('a[href="#404-page-missing"]').click();
    expect(await page.locator('tr:target th > a > code').textContent()).toBe('404_PAGE_MISSING');
    await page.close();
  });
});

describe('the html page of an evolved catalog', () => {
  const dir = tempDir();
  const pages = generatePages(dir, evolvedCatalog);

  it('marks deprecated codes, lists aliases and retired codes', async () => {
    const page = await open(pages.html);
    expect(await page.locator('tr.deprecated th > a > code').allTextContents()).toEqual(['OLD_LIMIT', 'LEGACY']);
    expect(await page.locator('#old-limit .tag').textContent()).toBe('Deprecated');
    expect(await page.locator('#old-limit .note').textContent()).toBe('Since 2.0: Split by plan. Use PLAN_LIMIT instead.');
    expect(await page.locator('#not-found .aliases').textContent()).toBe('Also accepted: RESOURCE_MISSING, NOTFOUND');
    expect(await page.locator('.retired li').allTextContents()).toEqual(['GONE_FOREVER, retired in 1.0']);
    expect(await visibleCodes(page)).not.toContain('GONE_FOREVER');
    await search(page, 'resource_missing');
    expect(await visibleCodes(page)).toEqual(['NOT_FOUND']);
    await page.close();
  });
});
