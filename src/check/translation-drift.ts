import { matchRows } from '../catalog/match-rows.js';
import type { Diagnostic, Location } from '../diagnostics.js';
import { formatLocation } from '../diagnostics.js';
import { readProblems, readTextFile } from '../io/files.js';
import type { LintEntry } from '../lint/rule.js';
import type { HeaderSynonyms } from '../markdown/columns.js';
import { readTables } from '../markdown/read-tables.js';
import { foreignPlaceholderWarnings } from '../messages/mismatch.js';
import { aliasRowHint, extractTranslatedRows, type TranslatedRow } from '../markdown/translation-tables.js';
import { spellingOf } from '../messages/locales.js';
import { cellMatchesTemplate } from '../messages/template.js';

export interface TranslationPages {
  readonly locale: string;
  readonly files: readonly string[];
}

/**
 * Reads a locale's translated pages again and reports where they disagree with `messages.<locale>`:
 * a code the catalog does not have, a code with no translation, a differing cell. Translations the
 * pages do not mention are not reported: `errgen import` keeps them too (they may be written by hand).
 */
export async function checkTranslationDrift(
  pages: TranslationPages,
  entries: readonly LintEntry[],
  synonyms: HeaderSynonyms,
  /** A finding; without a hint, the usual one (run `errgen import`). */
  report: (at: Location, code: string, message: string, hint?: string) => Diagnostic,
): Promise<Diagnostic[]> {
  const findings: Diagnostic[] = [];
  const rows: TranslatedRow[] = [];
  for (const file of pages.files) {
    let text: string;
    try {
      text = await readTextFile(file, 'Markdown file');
    } catch (error) {
      findings.push(...readProblems(error, `Fix the path under \`translations.${pages.locale}\` in the config.`));
      continue;
    }
    const page = extractTranslatedRows(await readTables(text, file), file, synonyms);
    findings.push(...page.diagnostics);
    for (const row of page.rows) findings.push(...foreignPlaceholderWarnings(row, pages.locale));
    rows.push(...page.rows);
  }

  // Paired with every entry, tombstones included, as the import pairs them (by status for a code listed several times).
  const byCode = new Map<string, LintEntry[]>();
  for (const e of entries) {
    const list = byCode.get(e.entry.code);
    if (list) list.push(e);
    else byCode.set(e.entry.code, [e]);
  }
  // Old spellings, looked up only for a row whose code is not in the catalog.
  let aliases: Map<string, string> | undefined;
  // As the import does: the config's `DE` is the catalog's `de`, a tag the catalog lacks is compared in the usual case.
  const locale = spellingOf(pages.locale, entries.flatMap((e) => Object.keys(e.entry.messages ?? {})));
  // A row is most like the entry whose translation it already is, then the one of its status.
  const entryOf = matchRows(rows, (code) => byCode.get(code), { fieldsOf: (e) => ({ status: e.entry.status, message: e.entry.messages?.[locale]?.message }) });
  for (const row of rows) {
    const entry = entryOf.get(row);
    if (!entry) {
      // `errgen import --locale` never adds a code: these two are fixed on the pages, not by importing.
      aliases ??= new Map(entries.flatMap((e) => (e.entry.aliases ?? []).map((alias) => [alias, e.entry.code] as const)));
      const canonical = aliases.get(row.code);
      if (canonical !== undefined) {
        findings.push(report(row.at, row.code, `${row.code} in ${where(row.at)} (${locale}) is an alias of ${canonical}, not a code`, aliasRowHint(canonical)));
      } else {
        findings.push(report(row.at, row.code, `${row.code} is in ${where(row.at)} (${locale}) but not in the catalog`, notInCatalogHint));
      }
      continue;
    }
    if (row.status !== undefined && row.status !== entry.entry.status) {
      const cell = row.cells.status ?? row.at;
      findings.push(report(cell, row.code, `${row.code}: status ${row.status} in ${where(cell)}, ${entry.entry.status} in the catalog (${where(entry.at)})`, statusHint));
    }
    const translation = entry.entry.messages?.[locale];
    if (!translation) {
      findings.push(report(row.at, row.code, `${row.code} is translated into ${locale} in ${where(row.at)} but has no ${locale} translation in the catalog (${where(entry.at)})`));
      continue;
    }
    for (const field of ['message', 'solution'] as const) {
      const inPage = row[field];
      const inCatalog = translation[field] ?? '';
      if (inPage === inCatalog || cellMatchesTemplate(inPage, inCatalog)) continue;
      const cell = row.cells[field] ?? row.at;
      findings.push(report(cell, row.code, `${row.code}: ${locale} ${field} ${JSON.stringify(inPage)} in ${where(cell)}, ${JSON.stringify(inCatalog)} in the catalog (${where(entry.at)})`));
    }
  }
  return findings;
}

const notInCatalogHint =
  'Add the code to the default-language page and run `errgen import` first, or remove or rename this row of the translated page.';
const statusHint = 'Correct the status column of the translated page (or leave it empty): `errgen import` never imports a translation\'s status.';

function where(at: Location): string {
  return formatLocation(at).replace(/:\d+$/, '');
}
