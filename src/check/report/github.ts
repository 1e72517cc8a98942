import { type Diagnostic, fileOf } from '../../diagnostics.js';

/** Escaping of workflow-command data and property values, as GitHub's toolkit does it. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands, so findings appear as annotations on the pull request. */
export function formatGithub(findings: readonly Diagnostic[]): string {
  return findings
    .map((f) => {
      const command = f.severity === 'error' ? 'error' : 'warning';
      const file = fileOf(f);
      const props = [
        file !== undefined ? `file=${escapeProperty(file)}` : undefined,
        f.at ? `line=${f.at.line}` : undefined,
        f.at ? `col=${f.at.column}` : undefined,
        f.rule ? `title=${escapeProperty(`errgen ${f.rule}`)}` : undefined,
      ].filter((p) => p !== undefined);
      const text = [f.message + '.', f.hint, f.details].filter(Boolean).join('\n');
      return `::${command}${props.length ? ' ' + props.join(',') : ''}::${escapeData(text)}`;
    })
    .join('\n');
}
