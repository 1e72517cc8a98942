/**
 * Where in a user's template a render failed. Handlebars reports a missing field as
 * `"mesage" not defined in [object Object] - 2:2` (0-based column) without saying which file,
 * and a helper's own error with no place at all. Wrapping each template file and each helper lets
 * the error pick up its file, and a helper's call as written, on its way out.
 */

/** Handlebars' place of a node: line 1-based, column 0-based. */
interface Loc {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

interface Place {
  /** The template file, as the caller named it (main.hbs or a partial beside it). */
  file?: string;
  /** A failing helper's call, as written in `file`. */
  call?: { readonly loc: Loc; source?: string | undefined };
}

const places = new WeakMap<object, Place>();

function placeOf(error: unknown): Place | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  let place = places.get(error);
  if (!place) places.set(error, (place = {}));
  return place;
}

/** A strict-mode miss: its message already has its line and column. */
const strictMiss = /^"(.*)" not defined in [\s\S]* - (\d+):(\d+)$/;

/** A template function that marks errors thrown in it (and not in a file it includes) with its file. */
export function inFile<F extends (...args: never[]) => unknown>(file: string, text: string, render: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    try {
      return render.apply(this, args);
    } catch (error) {
      const place = placeOf(error);
      if (place && place.file === undefined) {
        place.file = file;
        if (place.call) place.call.source = sourceAt(text, place.call.loc);
      }
      throw error;
    }
  } as F;
}

/** A helper that marks its own errors with its call's place (Handlebars passes it as `options.loc`). */
export function atCall<F extends (...args: never[]) => unknown>(helper: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    try {
      return helper.apply(this, args);
    } catch (error) {
      const place = placeOf(error);
      const loc = (args[args.length - 1] as { loc?: Loc } | undefined)?.loc;
      // errgen's helpers are not block helpers: nothing else of the template runs inside one.
      if (place && loc) place.call = { loc };
      throw error;
    }
  } as F;
}

/** The text of a node, one line at most (a block helper's call is its opening tag). */
function sourceAt(text: string, loc: Loc): string | undefined {
  const line = text.split('\n')[loc.start.line - 1];
  if (line === undefined) return undefined;
  const end = loc.end.line === loc.start.line ? loc.end.column : line.indexOf('}}', loc.start.column) + 2;
  return end > loc.start.column ? line.slice(loc.start.column, end) : undefined;
}

/** A failure of a user's template as a reader wants it: what, in which file, at which line and column. */
export function describeFailure(error: unknown, mainFile: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const place = placeOf(error);
  const file = place?.file ?? mainFile;
  const missing = strictMiss.exec(message);
  if (missing) return `"${missing[1]}" is not defined here (${file}, line ${missing[2]}, column ${Number(missing[3]) + 1})`;
  const call = place?.call;
  if (call) {
    const at = `${file}, line ${call.loc.start.line}, column ${call.loc.start.column + 1}`;
    return call.source ? `${message}, in ${call.source} (${at})` : `${message} (${at})`;
  }
  const parse = /^Parse error on line (\d+):/.exec(message);
  if (parse) return `parse error in ${file}, line ${parse[1]}:${message.slice(parse[0].length)}`;
  return `${message} (in ${file})`;
}
