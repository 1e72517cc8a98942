import { writeSync } from 'node:fs';

/** Where a command prints: stdout for results, stderr for problems. Injected so tests can capture it. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = { out: standardWriter(1), err: standardWriter(2) };

/**
 * Prints lines on stdout (fd 1) or stderr (fd 2) with synchronous writes: setting up
 * process.stdout costs ~5 ms, more than printing all that errgen prints. The stream is used only
 * where a plain write will not do: on Windows, whose console wants UTF-16, and from the moment the fd
 * turns out to be non-blocking and full (EAGAIN). A reader that closed the pipe early
 * (`errgen check | head -1`) gets nothing more (EPIPE), and the command still runs to its end.
 */
function standardWriter(fd: 1 | 2): (line: string) => void {
  let stream = process.platform === 'win32' ? streamOf(fd) : undefined;
  let closed = false;
  return (line) => {
    if (closed) return;
    if (stream) {
      stream.write(line + '\n');
      return;
    }
    const bytes = Buffer.from(line + '\n', 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') closed = true;
      else if (code === 'EAGAIN') (stream = streamOf(fd)).write(bytes.subarray(done));
      else throw error;
    }
  };
}

function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  // A closed pipe is the reader's choice, not an error.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  return stream;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
