import type { Diagnostic } from '../diagnostics.js';
import type { PendingOutput } from '../emit/generate.js';
import { describeFsError, readUtf8 } from '../io/files.js';
import { OutputFile } from '../io/output-file.js';

export const artifactDriftRule = 'artifact-drift';
const maxDiffLines = 40;

/**
 * Compares each target, rendered piece by piece, with the file on disk: a missing or different
 * file is reported with a short unified diff and the command that repairs it.
 */
export async function checkArtifactDrift(outputs: readonly PendingOutput[], fixCommand: string): Promise<Diagnostic[]> {
  const findings: Diagnostic[] = [];
  // Piece by piece, one output at a time: at 100,000 codes one output is over 100 MB. Only a file
  // that differs is read and rendered whole, for its diff.
  for (const { path, renderTo, render } of outputs) {
    // A failing template is the user's (or errgen's) to hear about as such, not as an unreadable file.
    let renderFailed: { error: unknown } | undefined;
    const rendered = (write: (piece: string) => void) => {
      try {
        renderTo(write);
      } catch (error) {
        renderFailed ??= { error };
        throw error;
      }
    };
    let actual: string;
    try {
      const file = new OutputFile(path);
      if (!file.existed) {
        findings.push(unreadable(path, 'no such file or folder', fixCommand));
        continue;
      }
      if (!file.compare(rendered, { stage: false }).changed) continue;
      actual = await readUtf8(path);
    } catch (error) {
      if (renderFailed) throw renderFailed.error;
      findings.push(unreadable(path, describeFsError(error), fixCommand));
      continue;
    }
    const expected = render();
    // The diff library is loaded only when a file has drifted: a clean check never needs it.
    const { createPatch } = await import('diff');
    findings.push({
      severity: 'error',
      rule: artifactDriftRule,
      at: { file: path, line: firstDifferentLine(actual, expected), column: 1 },
      message: 'generated file differs from what the catalog generates (edited by hand, or the catalog changed since `errgen generate`)',
      hint: `Run \`${fixCommand}\` to regenerate it; put hand-written changes in the catalog or a template instead.`,
      details: shortDiff(createPatch(path, actual, expected, 'on disk', 'generated', { context: 2 })),
    });
  }
  return findings;
}

function unreadable(path: string, reason: string, fixCommand: string): Diagnostic {
  return {
    severity: 'error',
    rule: artifactDriftRule,
    at: { file: path, line: 1, column: 1 },
    message: `generated file is missing or unreadable (${reason})`,
    hint: `Run \`${fixCommand}\`.`,
  };
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i + 1;
}

/** The patch without its `Index:`/`===` preamble, cut to a readable length. */
function shortDiff(patch: string): string {
  const lines = patch.split('\n').filter((l, i) => !(i < 2 && (l.startsWith('Index:') || l.startsWith('===')))).filter((l) => l !== '\\ No newline at end of file');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxDiffLines) return lines.join('\n');
  return [...lines.slice(0, maxDiffLines), `… ${lines.length - maxDiffLines} more diff lines`].join('\n');
}
