import { ok } from '../domain/result.ts';
import * as v from 'valibot';
import { concatBytes, equalBytes, readU16be, readU32be, sha256, type Bytes } from './bytes.ts';
import { parseJsonBytes } from './json-bytes.ts';
import { sealFailure, type SealResult } from './errors.ts';
import {
  DIGEST_BYTES,
  END_MARKER,
  FORMAT_VERSION,
  HeaderSchema,
  MAGIC,
  MAX_HEADER_BYTES,
  PREAMBLE_BYTES,
  SIGNATURE_BYTES,
  TAG_BYTES,
  TRAILER_BYTES,
  type Header,
} from './format.ts';

export interface Head {
  readonly header: Header;
  readonly headHash: Bytes;
}

export type ChunkStep =
  | { readonly done: false; readonly index: number; readonly offset: number; readonly final: boolean; readonly cipher: Bytes }
  | { readonly done: true; readonly signature: Bytes; readonly offset: number };

type HeadCode = 'SEAL_EMPTY' | 'SEAL_NOT_LANGSO' | 'SEAL_VERSION_UNSUPPORTED' | 'SEAL_TRUNCATED' | 'SEAL_CORRUPT';
type ChunkCode = 'SEAL_TRUNCATED' | 'SEAL_CORRUPT';

/**
 * Splits a `.langso` byte stream into its head, its ciphertext chunks and its trailer, holding at
 * most one chunk plus one read ahead. A chunk is known not to be the last when more than a
 * trailer's worth of bytes follows it; the last is what lies before the trailer at the end. A
 * file that does not end with END_MARKER was cut short (a damaged marker reads the same way).
 */
export class ChunkReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private pieces: Uint8Array[] = [];
  private queued = 0;
  private eof = false;
  private offset = 0;
  private index = 0;
  private cipherChunk = 0;
  private ended = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  async readHead(): Promise<SealResult<Head, HeadCode>> {
    await this.fillTo(MAGIC.length);
    if (this.eof && this.queued === 0) return sealFailure('SEAL_EMPTY');
    const start = this.peek(Math.min(this.queued, MAGIC.length));
    if (!equalBytes(start, MAGIC.subarray(0, start.length))) return sealFailure('SEAL_NOT_LANGSO');
    await this.fillTo(PREAMBLE_BYTES);
    if (this.queued < PREAMBLE_BYTES) return sealFailure('SEAL_TRUNCATED');
    const preamble = this.peek(PREAMBLE_BYTES);
    const version = readU16be(preamble, MAGIC.length);
    if (version > FORMAT_VERSION) {
      return sealFailure('SEAL_VERSION_UNSUPPORTED', { version, supported: FORMAT_VERSION });
    }
    const headerLength = readU32be(preamble, MAGIC.length + 2);
    if (version === 0 || headerLength === 0 || headerLength > MAX_HEADER_BYTES) {
      return sealFailure('SEAL_CORRUPT', { offset: MAGIC.length });
    }
    const covered = PREAMBLE_BYTES + headerLength;
    await this.fillTo(covered + DIGEST_BYTES);
    if (this.queued < covered + DIGEST_BYTES) return sealFailure('SEAL_TRUNCATED');
    const head = this.take(covered + DIGEST_BYTES);
    const headHash = await sha256(head.slice(0, covered));
    if (!equalBytes(headHash, head.subarray(covered))) return sealFailure('SEAL_CORRUPT', { offset: PREAMBLE_BYTES });
    const header = v.safeParse(HeaderSchema, parseJsonBytes(head.subarray(PREAMBLE_BYTES, covered)));
    if (!header.success) return sealFailure('SEAL_CORRUPT', { offset: PREAMBLE_BYTES });
    this.cipherChunk = header.output.chunkSize + TAG_BYTES;
    return ok({ header: header.output, headHash });
  }

  /** The next chunk, then once the trailer; call only after a successful `readHead`. */
  async next(): Promise<SealResult<ChunkStep, ChunkCode>> {
    if (this.ended) {
      this.ended = false;
      return this.trailer();
    }
    await this.fillTo(this.cipherChunk + TRAILER_BYTES + 1);
    const offset = this.offset;
    if (this.queued > this.cipherChunk + TRAILER_BYTES) {
      return ok({ done: false, index: this.index++, offset, final: false, cipher: this.take(this.cipherChunk) });
    }
    // End of stream: what is left is the last chunk and the trailer.
    if (this.queued < TRAILER_BYTES || !equalBytes(this.peekTail(END_MARKER.length), END_MARKER)) {
      // The marker further up means bytes were added after the end, not that the file was cut.
      const marker = indexOf(concatBytes(this.pieces), END_MARKER);
      return marker < 0 ? sealFailure('SEAL_TRUNCATED') : sealFailure('SEAL_CORRUPT', { offset: offset + marker + END_MARKER.length });
    }
    if (this.queued - TRAILER_BYTES <= TAG_BYTES) return sealFailure('SEAL_CORRUPT', { offset });
    this.ended = true;
    return ok({ done: false, index: this.index++, offset, final: true, cipher: this.take(this.queued - TRAILER_BYTES) });
  }

  /** Lets the source go (closes the file) when the scan stops before its end. */
  async close(): Promise<void> {
    if (!this.eof) {
      this.eof = true;
      await this.iterator.return?.();
    }
  }

  private trailer(): SealResult<ChunkStep, ChunkCode> {
    const offset = this.offset;
    const signature = this.take(SIGNATURE_BYTES);
    return ok({ done: true, signature, offset });
  }

  private async fillTo(wanted: number): Promise<void> {
    while (!this.eof && this.queued < wanted) {
      const step = await this.iterator.next();
      if (step.done) this.eof = true;
      else if (step.value.length > 0) {
        this.pieces.push(step.value);
        this.queued += step.value.length;
      }
    }
  }

  private peek(length: number): Bytes {
    return concatBytes(this.pieces).subarray(0, length);
  }

  private peekTail(length: number): Bytes {
    const out = new Uint8Array(length);
    let missing = length;
    for (let i = this.pieces.length - 1; i >= 0 && missing > 0; i -= 1) {
      const piece = this.pieces[i] as Uint8Array;
      const used = Math.min(piece.length, missing);
      out.set(piece.subarray(piece.length - used), missing - used);
      missing -= used;
    }
    return out;
  }

  /** Removes and returns the first `length` bytes as one fresh buffer. */
  private take(length: number): Bytes {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const piece = this.pieces[0] as Uint8Array;
      const used = Math.min(piece.length, length - filled);
      out.set(piece.subarray(0, used), filled);
      filled += used;
      if (used === piece.length) this.pieces.shift();
      else this.pieces[0] = piece.subarray(used);
    }
    this.queued -= length;
    this.offset += length;
    return out;
  }
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first ?? 0); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(first ?? 0, i + 1)) {
    if (equalBytes(haystack.subarray(i, i + needle.length), needle)) return i;
  }
  return -1;
}
