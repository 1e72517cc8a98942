import { Command, CommanderError } from 'commander';
import { closestMatch } from '../closest-match.js';
import { ExitCode, formatDiagnostic, UserError } from '../diagnostics.js';
import { type Output, processOutput } from '../commands/output.js';
import type { WorkerData } from '../emit/output-threads.js';
import { setBundleIdentity } from './bundle-identity.js';
import { collect } from './pairs.js';
import { packageVersion } from './version.js';

/**
 * Runs the CLI and returns the exit code; only bin/errgen.js exits. Every command module is
 * loaded when that command runs, so `errgen --help` pays for commander alone.
 */
export async function run(argv: readonly string[], output: Output = processOutput, bundle: { readonly identity?: string } = {}): Promise<number> {
  setBundleIdentity(bundle.identity);
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(output, (code) => (exitCode = code));
  try {
    helpTopic(program, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, output);
  }
}

/** A thread of `generate` or `check` rendering outputs (src/emit/output-threads.ts): boot.ts runs it in a worker. */
export async function runOutputWorker(data: WorkerData): Promise<void> {
  const { runOutputWorker: work } = await import('../commands/output-worker.js');
  await work(data);
}

interface GlobalFlags {
  readonly config?: string;
}

function buildProgram(output: Output, setExitCode: (code: number) => void): Command {
  const program = new Command('errgen')
    .description('Keep an API\'s error codes in one source of truth: Markdown tables → YAML catalog → code and docs.')
    .version(packageVersion(), '-V, --version')
    .option('-c, --config <file>', 'configuration file (default: errgen.config.yaml found from the working folder up)')
    .showSuggestionAfterError()
    .showHelpAfterError('(run `errgen --help` for the commands)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });

  program
    .command('init')
    .description('scaffold errgen.config.yaml and a catalog (imported from Markdown, or an example) in this folder')
    .argument('[markdown...]', 'Markdown pages with error-code tables to import into the new catalog')
    .option('-o, --output <catalog.yaml>', 'the catalog to create', 'errors.yaml')
    .option('--out-dir <dir>', 'where generated files will go', 'generated')
    .option('--header <field=name>', 'another header name for a column of your pages, e.g. code=Fehlercode (repeatable; written to the config)', collect)
    .action(async (markdown: string[], flags: { output: string; outDir: string; header?: string[] }) => {
      const [{ initCommand }, { headerFlags }] = await Promise.all([import('../commands/init.js'), import('./pairs.js')]);
      const headers = headerFlags(flags.header);
      await initCommand({ sources: markdown, config: program.opts<GlobalFlags>().config ?? 'errgen.config.yaml', catalog: flags.output, outDir: flags.outDir, headers }, output);
    });

  program
    .command('import')
    .description('read error-code tables from Markdown into the YAML catalog, merging with what it already holds')
    .argument('[markdown...]', 'Markdown files (default: `sources`, then every page of `translations`, in the config)')
    .option('-o, --output <catalog.yaml>', 'catalog to create or merge into (default: `catalog` in the config, else errors.yaml)')
    .option('--prune', 'delete catalog entries (with --locale: translations) whose rows are no longer in the Markdown', false)
    .option('--header <field=name>', 'another header name for a column, e.g. code=Fehlercode (repeatable)', collect)
    .option('--locale <tag>', 'the pages are translations into this locale: merge them into each code\'s `messages.<tag>` (default pages: `translations.<tag>` in the config)')
    .action(async (markdown: string[], options: { output?: string; prune: boolean; header?: string[]; locale?: string }) => {
      const { resolveImportOptions } = await import('./resolve-options.js');
      const { importCommand } = await import('../commands/import.js');
      await importCommand(await resolveImportOptions(program.opts(), markdown, options), output);
    });

  program
    .command('generate')
    .description('write every configured target (code, specs, docs) from the catalog')
    .option('--catalog <catalog.yaml>', 'catalog to read (default: `catalog` in the config, else errors.yaml)')
    .option('--out-dir <dir>', 'folder for the outputs (default: `outDir` in the config); with no config, every built-in target is written there')
    .option('--only <targets>', 'comma-separated target names to write, e.g. go,java')
    .option('--dry-run', 'list what would change, write nothing', false)
    .option('--force', 'overwrite output files that errgen did not write (no generated header), and write them from a template that leaves the header out', false)
    .option('-w, --watch', 'generate again whenever the catalog, the config or a template changes', false)
    .action(async (flags: { catalog?: string; outDir?: string; only?: string; dryRun: boolean; force: boolean; watch: boolean }) => {
      const { resolveGenerateOptions, watchedFiles } = await import('./resolve-options.js');
      const { generateCommand } = await import('../commands/generate.js');
      const once = async () => generateCommand(await resolveGenerateOptions(program.opts(), flags), output);
      if (!flags.watch) return once();
      const { watchAndRun } = await import('../commands/watch.js');
      await watchAndRun({ run: once, files: () => watchedFiles(program.opts(), flags), report: (error) => reportError(error, output) }, output);
    });

  program
    .command('check')
    .description('lint the catalog and fail on drift: Markdown vs catalog vs generated files, and breaking changes')
    .option('--catalog <catalog.yaml>', 'catalog to check (default: `catalog` in the config, else errors.yaml)')
    .option('--source <markdown...>', 'Markdown sources to compare with the catalog (default: `sources` in the config)')
    .option('--out-dir <dir>', 'folder of the generated files to compare (default: `outDir` in the config)')
    .option('--against <git-ref|catalog.yaml>', 'report breaking changes against an earlier version of the catalog')
    .option('--format <format>', 'human, json or github (GitHub Actions annotations)', 'human')
    .option('--header <field=name>', 'another header name for a Markdown column, e.g. code=Fehlercode (repeatable)', collect)
    .option('--rule <id=severity>', 'set a lint or breaking-change rule to off, warn or error, e.g. duplicate-code=warn (repeatable)', collect)
    .action(async (flags: { catalog?: string; source?: string[]; outDir?: string; against?: string; format: string; header?: string[]; rule?: string[] }) => {
      const { resolveCheckOptions } = await import('./resolve-options.js');
      const { checkCommand } = await import('../commands/check.js');
      setExitCode(await checkCommand(await resolveCheckOptions(program.opts(), flags), output));
    });

  program.addHelpText(
    'after',
    '\nExit codes: 0 success, 1 the input has errors, 2 usage or configuration error,\n70 internal error (a bug in errgen: please report it with the command you ran).\nDocs: see README.md in the errgen package.',
  );
  for (const command of program.commands) command.showHelpAfterError(`(run \`errgen ${command.name()} --help\` for its options)`);
  return program;
}

/**
 * The topics of `errgen help <topic>` that commander would answer with the general help printed as
 * an error (exit 2), without saying why: `help help` gets the general help, as `errgen help` does;
 * `help nope` is said as an unknown command is (`errgen nope`), with the command most likely meant.
 */
function helpTopic(program: Command, argv: readonly string[]): void {
  const words = commandWords(program, argv);
  const topic = words[0] === 'help' ? words[1] : undefined;
  if (topic === undefined) return;
  if (topic === 'help') program.help();
  // commander keeps its own `help` out of program.commands.
  const names = ['help', ...program.commands.flatMap((command) => [command.name(), ...command.aliases()])];
  if (names.includes(topic)) return;
  const meant = closestMatch(topic, names);
  program.error(`error: unknown command '${topic}'${meant === undefined ? '' : `\n(Did you mean ${meant}?)`}`, { code: 'commander.unknownCommand' });
}

/** The words of a command line that are not options or the values of the program's own options (`-c <file>`). */
function commandWords(program: Command, argv: readonly string[]): string[] {
  const takesValue = new Set(program.options.filter((option) => option.required).flatMap((option) => [option.short, option.long]));
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (takesValue.has(arg)) i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words;
}

function reportError(error: unknown, output: Output): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    // `errgen help` shows help (exit code 0 from commander); `errgen` alone shows it on stderr, as an error.
    if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.ok : ExitCode.usageError;
    return ExitCode.usageError; // commander has already printed the problem
  }
  if (error instanceof UserError) {
    for (const d of error.diagnostics) output.err(formatDiagnostic(d));
    output.err(`errgen: ${error.message}`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output.err(`errgen: internal error — this is a bug in errgen, please report it with the command you ran.\n${detail}`);
  return ExitCode.internalError;
}

