import { createRequire } from 'node:module';
import { debug } from '../cli/boot.js';
import { entryLocator, parseCatalogValue } from '../catalog/read.js';
import { artifactDrift, type OutputDrift } from '../check/artifact-drift.js';
import { InputError } from '../diagnostics.js';
import type { StagingFile } from '../io/files.js';
import { type PendingOutput, planOutputs } from '../emit/generate.js';
import { claimOrder, OutputClaims, sendError, type WorkerData, type WorkerReport } from '../emit/output-threads.js';
import { type OutputStep, outputStep } from './generate.js';

/**
 * A thread of `generate` or `check` (see src/emit/output-threads.ts): plans the outputs from the
 * catalog it is given, then takes outputs until none is left, and reports what each came to.
 */
export async function runOutputWorker(data: WorkerData): Promise<void> {
  // By require: the bundle runs in a vm.Script, where import() of a Node module is not available.
  const { parentPort } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  parentPort?.postMessage(await work(data));
}

async function work(data: WorkerData): Promise<WorkerReport<OutputStep | OutputDrift>> {
  const claims = new OutputClaims(data.shared);
  let outputs: PendingOutput[];
  try {
    const read = await parseCatalogValue(data.catalogText, data.catalog);
    outputs = planOutputs({ catalog: read.value, source: data.source, locate: entryLocator(read) }, data.targets);
  } catch (error) {
    // The main thread plans the same outputs, and reports why it cannot.
    return { outputs: 0, results: [], failed: error instanceof InputError ? { planning: true } : { index: -1, error: sendError(error) } };
  }
  const order = claimOrder(outputs);
  const results: Array<{ index: number; result: OutputStep | OutputDrift }> = [];
  for (let at = claims.next(order.length); at !== undefined; at = claims.next(order.length)) {
    const index = order[at] as number;
    const output = outputs[index] as PendingOutput;
    try {
      const result = data.job.kind === 'generate' ? await outputStep(output, data.job, claims) : await artifactDrift(output, data.job.fixCommand, data.job.digests);
      results.push({ index, result: sendable(result) });
      debug(`${data.command}: ${output.path} rendered in another thread`);
    } catch (error) {
      claims.stop();
      return { outputs: outputs.length, results, failed: { index, error: sendError(error) } };
    }
  }
  return { outputs: outputs.length, results };
}

/** A result as it crosses threads: a staged file by its handle. */
function sendable(result: OutputStep | OutputDrift): OutputStep | OutputDrift {
  if (!('kind' in result) || result.kind !== 'changed' || result.staged === undefined) return result;
  // outputStep stages with startStaging: a StagingFile, which can name itself.
  const { handle } = result.staged as Partial<StagingFile>;
  return handle ? { ...result, staged: handle() } : result;
}
