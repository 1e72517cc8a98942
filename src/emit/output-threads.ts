import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { debug } from '../cli/boot.js';
import { bundleIdentity } from '../cli/bundle-identity.js';
import { type Diagnostic, InputError, UsageError, UserError } from '../diagnostics.js';
import type { PendingOutput, ResolvedTarget } from './generate.js';
import { builtinTemplatePath } from './targets.js';

/**
 * `generate` and `check` render their outputs in more than one thread when the catalog is big: at
 * 100,000 codes the thirteen built-in outputs take a dozen seconds in one. Each thread reads the
 * catalog and plans the outputs itself (the same code, so the same text), then takes the next output
 * not yet taken, heaviest first, until none is left: the main thread of `generate` does too, and
 * that of `check` once it has read the Markdown and linted.
 * A thread hands back what each output came to (src/commands/output-worker.ts), in a form that
 * crosses threads; the command puts it together in output order, as it would have found it alone.
 */

/** What a thread does with each output it takes. */
export type OutputJob =
  | { readonly kind: 'generate'; readonly force: boolean; readonly dryRun: boolean; readonly digests: boolean }
  | { readonly kind: 'check'; readonly fixCommand: string; readonly digests: boolean };

/** What a thread is given: everything it needs to plan the outputs as the main thread does. */
export interface WorkerData {
  readonly command: 'generate' | 'check';
  readonly catalog: string;
  readonly catalogText: string;
  readonly source: string;
  readonly targets: readonly ResolvedTarget[];
  readonly job: OutputJob;
  readonly shared: SharedArrayBuffer;
}

/** What a thread sends: each output as it is done (a staged file is known at once), then how it ended. */
export type WorkerMessage<R> =
  | { readonly kind: 'result'; readonly index: number; readonly result: R }
  | { readonly kind: 'end'; readonly outputs: number; readonly failed?: Failure | { readonly planning: true } };

/**
 * An output that failed, at its position in the claim order (-1: planning). Of several failures
 * the first in claim order is reported: every output before it has been taken, by some thread, as
 * the stop only keeps outputs from being taken. One thread takes them in that order too.
 */
export interface Failure {
  readonly at: number;
  readonly error: SentError;
}

/** What a thread came to: the outputs it did, by index into the planned outputs, and why it stopped early, if it did. */
export interface WorkerReport<R> {
  /** How many outputs the thread planned (none if planning failed). */
  readonly outputs: number;
  readonly results: ReadonlyArray<{ readonly index: number; readonly result: R }>;
  /** Planning failed (the main thread's plan says why), an output failed, or the thread died (at Infinity: any output's failure comes first). */
  readonly failed?: Failure | { readonly planning: true };
}

/** An error as it crosses threads: a UserError keeps its class, exit code and diagnostics. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly file: string | undefined;
}

/**
 * Outputs are rendered in threads only when the catalog is at least this big (its YAML text, in
 * characters; about 23,000 codes). Each thread reads the catalog, plans the outputs and warms up
 * its own compiled code, and V8 already keeps a second core busy (garbage collection, compiling):
 * measured with every built-in target on 2 cores, two threads took 20% longer at 10,000 codes,
 * 10% less time at 25,000, and a quarter less at 100,000.
 */
const threadedFrom = 4 * 1024 * 1024;
/** Threads by default: two, at most (each holds the catalog, so memory grows with them); ERRGEN_THREADS asks for more. */
const defaultThreads = 2;
const maxThreads = 64;

/** The thread count ERRGEN_THREADS asks for, if it is set; a usage error if it is not a count. Checked by every run of generate and check, whether it renders or not. */
export function requestedThreads(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const asked = env['ERRGEN_THREADS'];
  if (asked === undefined || asked === '') return undefined;
  if (!/^\d+$/.test(asked) || Number(asked) < 1 || Number(asked) > maxThreads) throw new UsageError(`ERRGEN_THREADS must be a whole number from 1 to ${maxThreads}, not ${JSON.stringify(asked)}`);
  return Number(asked);
}

/**
 * How many threads, the main thread included, a run uses for its outputs: `ERRGEN_THREADS` if set,
 * else two on a machine with more than one core, for a catalog big enough to gain from it. Never
 * more than the targets and one (a target of one output per locale may have several), and one where
 * a thread cannot run errgen: from its sources (tests of the commands' modules) there is no bundle
 * for a thread to load.
 */
export function outputThreads(catalogText: string, targets: readonly ResolvedTarget[], env: NodeJS.ProcessEnv = process.env, bundled = bundleIdentity() !== undefined): number {
  let threads = requestedThreads(env);
  if (threads === undefined) {
    if (catalogText.length < threadedFrom) return 1;
    const { availableParallelism } = createRequire(import.meta.url)('node:os') as typeof import('node:os');
    threads = Math.min(defaultThreads, availableParallelism());
  }
  return bundled ? Math.max(1, Math.min(threads, targets.length + 1)) : 1;
}

/**
 * Whether the main thread takes outputs too (`check`'s once it has read the pages and linted). For tests, ERRGEN_TEST_OUTPUTS_IN_WORKERS=1
 * leaves them all to the other threads: with a small catalog, the main thread has rendered every
 * output before another thread has read the catalog, and the other threads' results would go untried.
 */
export function mainThreadTakesOutputs(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['ERRGEN_TEST_OUTPUTS_IN_WORKERS'] !== '1';
}

/**
 * The order threads take outputs in, as indices into `outputs`: the heaviest first (by a rough cost
 * per built-in target, measured at 100,000 codes), so that the last ones taken are small and the
 * threads finish together. Every thread computes the same order from the same plan. One thread
 * takes them in this order too: a run that fails at two outputs reports the same one either way.
 */
export function claimOrder(outputs: readonly PendingOutput[]): number[] {
  return outputs.map((output, index) => ({ index, weight: targetWeight(output.target) })).sort((a, b) => b.weight - a.weight || a.index - b.index).map((o) => o.index);
}

/** A target's weight: its kind's if built in, else 10 (a template of yours, of unknown cost). */
function targetWeight(target: ResolvedTarget): number {
  return target.builtin ? (builtinWeights().get(target.template) ?? 10) : 10;
}

/**
 * Whether `check`'s main thread, done with the pages and lint, should plan the outputs and take those
 * still left: only if they are more work than planning them (the view model, its names already made
 * by lint: ~2 s per 100,000 codes, a weight of 20 below). Else it would still be planning when the
 * other threads are done. The untaken outputs are the last in claim order, the lightest. Weighed by
 * target, before this thread has planned: a target of one output per locale counts once, and its
 * other outputs (there are `outputs` in all) as the lightest target does.
 */
export function worthJoining(targets: readonly ResolvedTarget[], left: { readonly outputs: number; readonly untaken: number } | undefined): boolean {
  if (left === undefined) return true; // no thread has planned yet: everything is left
  const byTarget = targets.map(targetWeight).sort((a, b) => a - b);
  const perLocale = new Array<number>(Math.max(0, left.outputs - byTarget.length)).fill(byTarget[0] ?? 0);
  return [...perLocale, ...byTarget].slice(0, left.untaken).reduce((sum, weight) => sum + weight, 0) >= planWeight;
}

const planWeight = 20;

/** Seconds per 100,000 codes, ×10, each target rendered and written alone; by template, which tells a built-in target's kind (`openapi-problem` is an openapi). */
const weights: Readonly<Record<string, number>> = {
  openapi: 23, go: 23, typescript: 14, java: 14, html: 13, python: 11, rust: 10, docs: 8, protobuf: 4, jsonschema: 4,
  'messages-json': 3, json: 3, 'java-properties': 1,
};
let byTemplate: Map<string, number> | undefined;
const builtinWeights = () => (byTemplate ??= new Map(Object.entries(weights).map(([kind, weight]) => [builtinTemplatePath(kind), weight])));

/**
 * Outputs handed out one at a time, across threads, through shared memory: slot 0 counts the
 * outputs taken, slot 1 is set when the run stops early (a failure), slot 2 when an output was
 * refused (generate then stages nothing more: it would all be deleted), slot 3 holds how many
 * outputs a thread planned (0 until one has).
 */
export class OutputClaims {
  private readonly slots: Int32Array;

  constructor(readonly shared = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT)) {
    this.slots = new Int32Array(shared);
  }

  /** Says how many outputs there are, once a thread has planned them. */
  planned(count: number): void {
    Atomics.store(this.slots, 3, count);
  }

  /** How many outputs there are and how many no thread has taken yet: undefined while no thread has planned them; none left once the run stops. */
  left(): { readonly outputs: number; readonly untaken: number } | undefined {
    const outputs = Atomics.load(this.slots, 3);
    if (Atomics.load(this.slots, 1) !== 0) return { outputs, untaken: 0 };
    return outputs === 0 ? undefined : { outputs, untaken: Math.max(0, outputs - Atomics.load(this.slots, 0)) };
  }

  /** The next position in the claim order not yet taken, or undefined when all `count` are taken or the run stops. */
  next(count: number): number | undefined {
    if (Atomics.load(this.slots, 1) !== 0) return undefined;
    const at = Atomics.add(this.slots, 0, 1);
    return at < count ? at : undefined;
  }

  stop(): void {
    Atomics.store(this.slots, 1, 1);
  }

  refuse(): void {
    Atomics.store(this.slots, 2, 1);
  }

  get refused(): boolean {
    return Atomics.load(this.slots, 2) !== 0;
  }
}

/** Threads started for a run, rendering beside the main thread. */
export interface OutputWorkers<R> {
  readonly claims: OutputClaims;
  /** Every thread's report, once all have stopped; never rejects (a thread that died has failed). */
  readonly reports: Promise<ReadonlyArray<WorkerReport<R>>>;
  /** Stops them where they are: only for work that leaves nothing behind (check's). */
  terminate(): Promise<void>;
}

/** Starts `count` threads on `job`; they begin by reading the catalog, while the main thread does the same. */
export function startOutputWorkers<R>(count: number, data: Omit<WorkerData, 'shared'>): OutputWorkers<R> {
  const { Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const claims = new OutputClaims();
  const boot = fileURLToPath(new URL('./boot.cjs', import.meta.url));
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    workers.push(
      new WorkerThread(`require(${JSON.stringify(boot)}).bootWorker(require('node:worker_threads').workerData)`, {
        eval: true,
        workerData: { ...data, shared: claims.shared } satisfies WorkerData,
        // Its own stdout and stderr are the process's: a thread prints nothing, but a crash says why.
        stdout: false,
        stderr: false,
      }),
    );
  }
  debug(`${data.command}: outputs rendered in ${count + 1} threads`);
  return {
    claims,
    reports: Promise.all(workers.map((worker) => reportOf<R>(worker, claims))),
    terminate: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** A thread's results as they come, and how it ended. One that dies without its end stops the others. */
function reportOf<R>(worker: Worker, claims: OutputClaims): Promise<WorkerReport<R>> {
  return new Promise((resolve) => {
    const results: Array<{ index: number; result: R }> = [];
    let ended: Extract<WorkerMessage<R>, { kind: 'end' }> | undefined;
    let crash: unknown;
    worker.on('message', (message: WorkerMessage<R>) => {
      if (message.kind === 'result') results.push({ index: message.index, result: message.result });
      else ended = message;
    });
    worker.on('error', (error) => (crash = error));
    worker.on('exit', (code) => {
      if (ended) return resolve({ outputs: ended.outputs, results, ...(ended.failed ? { failed: ended.failed } : {}) });
      claims.stop();
      const error = crash ?? new Error(`internal: an output thread stopped (exit code ${code}) before it was done`);
      resolve({ outputs: 0, results, failed: { at: Number.POSITIVE_INFINITY, error: sendError(error) } });
    });
  });
}

/**
 * The loop every thread runs: takes the next output in claim order until none is left or the run
 * stops, `render`s it (by its index into the planned outputs) and hands the result to `done`. A
 * failing output stops the run; its failure comes back at its place in the claim order.
 */
export async function takeOutputs<R>(claims: OutputClaims, order: readonly number[], render: (index: number) => Promise<R>, done: (index: number, result: R) => void): Promise<{ at: number; error: unknown } | undefined> {
  for (let at = claims.next(order.length); at !== undefined; at = claims.next(order.length)) {
    const index = order[at] as number;
    let result: R;
    try {
      result = await render(index);
    } catch (error) {
      claims.stop();
      return { at, error };
    }
    done(index, result);
  }
  return undefined;
}

/**
 * What a run stops with, if anything failed: of this thread's failure (at its output's place in the
 * claim order, -1 while reading or planning) and the other threads', the first in that order, where
 * one thread taking the outputs in that order would have stopped.
 */
export function firstError(own: { readonly at: number; readonly error: unknown } | undefined, reports: ReadonlyArray<WorkerReport<unknown>>): { error: unknown } | undefined {
  const theirs = firstFailure(reports);
  if (own && (!theirs || own.at <= theirs.at)) return { error: own.error };
  return theirs ? { error: receivedError(theirs.error) } : undefined;
}

/** The other threads' failure first in claim order, if any. */
function firstFailure(reports: ReadonlyArray<WorkerReport<unknown>>): Failure | undefined {
  return reports.flatMap((report) => (report.failed && 'at' in report.failed ? [report.failed] : [])).sort((a, b) => a.at - b.at)[0];
}

/**
 * Puts each result the other threads sent at its output's index in `results`, beside this thread's
 * own: whether all `count` outputs then have one (not when a thread stopped early).
 */
export function putResults<R>(reports: ReadonlyArray<WorkerReport<R>>, results: R[], count: number): boolean {
  for (const report of reports) for (const { index, result } of report.results) results[index] = result;
  return results.length === count && Object.keys(results).length === count;
}

export function sendError(error: unknown): SentError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e instanceof InputError ? 'InputError' : e instanceof UsageError ? 'UsageError' : e.name,
    message: e.message,
    stack: e.stack,
    diagnostics: e instanceof UserError ? e.diagnostics : [],
    file: e instanceof InputError ? e.file : undefined,
  };
}

/** The error a thread sent, as the main thread would have thrown it. */
export function receivedError(sent: SentError): Error {
  if (sent.name === 'InputError') return Object.assign(new InputError(sent.message, sent.diagnostics), sent.file === undefined ? {} : { file: sent.file });
  if (sent.name === 'UsageError') return new UsageError(sent.message, sent.diagnostics);
  return Object.assign(new Error(sent.message), { name: sent.name, stack: sent.stack });
}
