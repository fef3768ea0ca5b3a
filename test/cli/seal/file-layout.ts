import { TAG_BYTES, TRAILER_BYTES } from '../../../shared/seal/format.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where each section of a well-formed `.langso` file lies, to damage it on purpose. */
export interface FileLayout {
  readonly header: Span;
  readonly digest: Span;
  readonly chunks: readonly Span[];
  readonly signature: Span;
  readonly endMarker: Span;
}

export function layoutOf(bytes: Uint8Array): FileLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(10);
  const header = { start: 14, end: 14 + headerLength };
  const digest = { start: header.end, end: header.end + 32 };
  const { chunkSize } = JSON.parse(new TextDecoder().decode(bytes.subarray(header.start, header.end))) as { chunkSize: number };
  const signatureStart = bytes.length - TRAILER_BYTES;
  const chunks: Span[] = [];
  for (let start = digest.end; start < signatureStart; start += chunkSize + TAG_BYTES) {
    chunks.push({ start, end: Math.min(start + chunkSize + TAG_BYTES, signatureStart) });
  }
  return {
    header,
    digest,
    chunks,
    signature: { start: signatureStart, end: signatureStart + 64 },
    endMarker: { start: signatureStart + 64, end: bytes.length },
  };
}

export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ 0x5a;
  return out;
}

export function cut(bytes: Uint8Array, length: number): Uint8Array {
  return bytes.slice(0, length);
}

export function join(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

/** The file with its chunk spans rearranged by `order` (indexes into `layout.chunks`). */
export function withChunks(bytes: Uint8Array, layout: FileLayout, order: readonly number[]): Uint8Array {
  const first = layout.chunks[0];
  if (!first) throw new Error('no chunks');
  const chunk = (i: number) => {
    const span = layout.chunks[i];
    if (!span) throw new Error(`no chunk ${i}`);
    return bytes.subarray(span.start, span.end);
  };
  return join(bytes.subarray(0, first.start), ...order.map(chunk), bytes.subarray(layout.signature.start));
}

export function middle(span: Span): number {
  return Math.floor((span.start + span.end) / 2);
}
