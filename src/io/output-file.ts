import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { startStaging, type StagingFile } from './files.js';
import type { DigestOf } from './output-record.js';

/** What writing an output found. */
export interface OutputOutcome {
  /** Whether a file was at the path. */
  readonly existed: boolean;
  /** Whether the new text differs from that file (or there was none). */
  readonly changed: boolean;
  /** The new text, staged beside the file, when it changed and staging was asked for. */
  readonly staged: StagingFile | undefined;
}

/**
 * An output written piece by piece and compared with the file at its path as it goes. An unchanged
 * file is only read; a changed one is staged (see startStaging) from the first piece that differs,
 * with the equal bytes before it copied from the old file. Neither text is ever in memory whole: at
 * 100,000 codes one output is over 100 MB.
 */
export class OutputFile {
  private readonly fd: number | undefined;
  private readonly size: number;
  private open: boolean;
  private stage = false;
  private digest: DigestOf | undefined;
  /** Bytes of the old file the new text has matched, until it differs. */
  private matched = 0;
  private differs = false;
  private staging: StagingFile | undefined;
  /** Reused for every piece: a piece's UTF-8 bytes, and the old file's bytes to compare them with. */
  private encoded = Buffer.alloc(0);
  private old = Buffer.alloc(0);
  /** A high surrogate a piece ended with, kept for the next piece: UTF-8 encodes the pair as one character. */
  private pending = '';

  /** Opens the file at `path`, if any, to compare with; an unreadable one (a folder, no permission) throws its error. */
  constructor(private readonly path: string) {
    this.fd = openExisting(path);
    this.open = this.fd !== undefined;
    try {
      this.size = this.fd === undefined ? 0 : fstatSync(this.fd).size;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  get existed(): boolean {
    return this.fd !== undefined;
  }

  /** The first `bytes` bytes of the file there, as text: enough to read its header. */
  head(bytes: number): string {
    if (this.fd === undefined) return '';
    const buffer = Buffer.alloc(Math.min(bytes, this.size));
    return buffer.toString('utf8', 0, readFully(this.fd, buffer, buffer.length, 0));
  }

  /**
   * Compares the text `render` writes with the file, and with `stage` writes a difference to a
   * staged file; `digest` is given every byte of the text. Closes the old file; a failure drops the
   * staged one.
   */
  compare(render: (write: (piece: string) => void) => void, { stage, digest }: { stage: boolean; digest?: DigestOf | undefined }): OutputOutcome {
    this.stage = stage;
    this.digest = digest;
    try {
      if (this.fd === undefined) this.diverge();
      render((piece) => this.write(piece));
      return this.finish();
    } catch (error) {
      this.close();
      void this.staging?.discard();
      throw error;
    }
  }

  private write(piece: string): void {
    let text = this.pending + piece;
    this.pending = '';
    if (isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.pending = text.slice(-1);
      text = text.slice(0, -1);
    }
    // In slices, none ending inside a surrogate pair: a user's template hands over its whole text as one piece.
    for (let from = 0; from < text.length; ) {
      let to = Math.min(from + sliceLength, text.length);
      if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
      this.writeBytes(this.encode(from === 0 && to === text.length ? text : text.slice(from, to)));
      from = to;
    }
  }

  /** `text` as UTF-8, in a buffer that is reused for the next slice. */
  private encode(text: string): Buffer {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (this.encoded.length < text.length * 3) this.encoded = Buffer.allocUnsafe(text.length * 3);
    return this.encoded.subarray(0, this.encoded.write(text, 'utf8'));
  }

  private finish(): OutputOutcome {
    if (this.pending) this.writeBytes(this.encode(this.pending));
    this.pending = '';
    if (!this.differs && this.matched !== this.size) this.diverge();
    this.close();
    this.staging?.end();
    return { existed: this.existed, changed: this.differs, staged: this.staging };
  }

  private writeBytes(bytes: Buffer): void {
    this.digest?.add(bytes);
    if (!this.differs) {
      if (this.sameAsOld(bytes)) {
        this.matched += bytes.length;
        return;
      }
      this.diverge();
    }
    this.staging?.append(bytes);
  }

  /** Whether the old file's next bytes are `bytes`. */
  private sameAsOld(bytes: Buffer): boolean {
    if (this.matched + bytes.length > this.size) return false;
    if (this.old.length < bytes.length) this.old = Buffer.allocUnsafe(Math.max(bytes.length, 64 * 1024));
    const read = readFully(this.fd!, this.old, bytes.length, this.matched);
    return read === bytes.length && this.old.subarray(0, read).equals(bytes);
  }

  /** The new text differs from here on: when staging, start the staged file with the old file's equal bytes. */
  private diverge(): void {
    this.differs = true;
    if (!this.stage) return;
    this.staging = startStaging(this.path);
    const chunk = Buffer.allocUnsafe(Math.min(this.matched, 1024 * 1024));
    for (let at = 0; at < this.matched; ) {
      const read = readFully(this.fd!, chunk, Math.min(chunk.length, this.matched - at), at);
      if (read === 0) throw new Error(`internal: ${this.path} became shorter while it was read`);
      this.staging.append(chunk.subarray(0, read));
      at += read;
    }
  }

  /** Closes the old file; compare() does so itself. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd!);
  }
}

/** Code units encoded at a time: the buffers stay small, however big a piece is. */
const sliceLength = 64 * 1024;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The file at `path` opened for reading, or undefined if there is none; anything but a regular file throws. */
export function openExisting(path: string): number | undefined {
  let fd: number;
  try {
    // Non-blocking, so that a FIFO at the path is refused below instead of waiting forever for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const stats = fstatSync(fd);
  if (stats.isFile()) return fd;
  closeSync(fd);
  throw Object.assign(new Error('it is not a regular file'), { code: stats.isDirectory() ? 'EISDIR' : undefined });
}

/** Reads `length` bytes at `position` unless the file ends first: the count read. */
export function readFully(fd: number, into: Buffer, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, into, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}
