import { createRequire } from 'node:module';
import { parseCatalogValue } from '../catalog/read.js';
import { artifactDrift, type OutputDrift } from '../check/artifact-drift.js';
import { debug } from '../cli/boot.js';
import { InputError } from '../diagnostics.js';
import { type PendingOutput, planOutputs } from '../emit/generate.js';
import { claimOrder, OutputClaims, sendError, takeOutputs, type WorkerData, type WorkerMessage } from '../emit/output-threads.js';
import { type OutputStep, outputStep } from './generate.js';

type Result = OutputStep | OutputDrift;

/**
 * A thread of `generate` or `check` (see src/emit/output-threads.ts): plans the outputs from the
 * catalog it is given, then takes outputs until none is left. Each output's result is sent as soon
 * as it is done, so that a staged file is known to the main thread even if this thread dies later.
 */
export async function runOutputWorker(data: WorkerData): Promise<void> {
  // By require: the bundle runs in a vm.Script, where import() of a Node module is not available.
  const { parentPort } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const send = (message: WorkerMessage<Result>) => parentPort?.postMessage(message);
  const claims = new OutputClaims(data.shared);
  let outputs: PendingOutput[];
  try {
    const read = await parseCatalogValue(data.catalogText, data.catalog);
    outputs = planOutputs({ catalog: read.value, source: data.source, locate: (path) => read.locate(path) }, data.targets);
  } catch (error) {
    // The main thread plans the same outputs, and reports why it cannot.
    send({ kind: 'end', outputs: 0, failed: error instanceof InputError ? { planning: true } : { at: -1, error: sendError(error) } });
    return;
  }
  claims.planned(outputs.length);
  const { job } = data;
  const render = (output: PendingOutput): Promise<Result> => (job.kind === 'generate' ? outputStep(output, job, claims) : artifactDrift(output, job.fixCommand, job.digests));
  const failed = await takeOutputs(claims, claimOrder(outputs), (index) => render(outputs[index] as PendingOutput), (index, result) => {
    send({ kind: 'result', index, result: sendable(result) });
    debug(`${data.command}: ${(outputs[index] as PendingOutput).path} rendered in another thread`);
  });
  send({ kind: 'end', outputs: outputs.length, ...(failed ? { failed: { at: failed.at, error: sendError(failed.error) } } : {}) });
}

/** A result as it crosses threads: a staged file by its handle. */
function sendable(result: Result): Result {
  if (!('kind' in result) || result.kind !== 'changed' || result.staged === undefined || !('handle' in result.staged)) return result;
  return { ...result, staged: result.staged.handle() };
}
