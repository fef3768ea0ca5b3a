import { readU32be, type Bytes } from './bytes.ts';
import { ENTRY_HEAD_BYTES, ENTRY_KIND, MAX_ENTRY_BYTES, type EntryKind } from './format.ts';

export type Entry =
  | { readonly kind: 'record'; readonly bytes: Bytes }
  | { readonly kind: 'attachment'; readonly sha256: Bytes; readonly bytes: Bytes }
  | { readonly kind: 'manifest'; readonly bytes: Bytes };

const KIND_BY_CODE = new Map<number, EntryKind>(
  (Object.entries(ENTRY_KIND) as [EntryKind, number][]).map(([kind, code]) => [code, kind]),
);

/**
 * Cuts decrypted plaintext back into entries, whatever the chunk boundaries. Holds at most one
 * entry being assembled (bounded by MAX_ENTRY_BYTES). The manifest must be the last entry.
 * `push` answers undefined when the plaintext is not a valid entry stream.
 */
export class EntryParser {
  private readonly head = new Uint8Array(ENTRY_HEAD_BYTES + 32);
  private headFill = 0;
  private kind: EntryKind | undefined;
  private body: Bytes | undefined;
  private bodyFill = 0;
  private sawManifest = false;

  /** True once the manifest has been read whole, with nothing pending. */
  get complete(): boolean {
    return this.sawManifest && this.kind === undefined && this.headFill === 0;
  }

  push(plain: Bytes): Entry[] | undefined {
    const out: Entry[] = [];
    let at = 0;
    while (at < plain.length) {
      if (this.sawManifest) return undefined;
      if (this.kind === undefined) {
        const need = this.headLength() - this.headFill;
        const take = Math.min(need, plain.length - at);
        this.head.set(plain.subarray(at, at + take), this.headFill);
        this.headFill += take;
        at += take;
        if (this.headFill === this.headLength() && !this.startBody()) return undefined;
      } else if (this.body) {
        const take = Math.min(this.body.length - this.bodyFill, plain.length - at);
        this.body.set(plain.subarray(at, at + take), this.bodyFill);
        this.bodyFill += take;
        at += take;
      }
      const entry = this.takeIfDone();
      if (entry) out.push(entry);
    }
    return out;
  }

  /** The head grows to 37 bytes once its kind byte says "attachment". */
  private headLength(): number {
    return this.headFill > 0 && this.head[0] === ENTRY_KIND.attachment ? ENTRY_HEAD_BYTES + 32 : ENTRY_HEAD_BYTES;
  }

  private startBody(): boolean {
    const kind = KIND_BY_CODE.get(this.head[0] ?? 0);
    if (!kind) return false;
    const length = readU32be(this.head, 1);
    if (length > MAX_ENTRY_BYTES[kind] || (length === 0 && kind !== 'attachment')) return false;
    this.kind = kind;
    this.body = new Uint8Array(length);
    this.bodyFill = 0;
    return true;
  }

  private takeIfDone(): Entry | undefined {
    if (this.kind === undefined || !this.body || this.bodyFill < this.body.length) return undefined;
    const bytes = this.body;
    let entry: Entry;
    if (this.kind === 'attachment') entry = { kind: 'attachment', sha256: this.head.slice(ENTRY_HEAD_BYTES), bytes };
    else entry = { kind: this.kind, bytes };
    if (this.kind === 'manifest') this.sawManifest = true;
    this.kind = undefined;
    this.body = undefined;
    this.headFill = 0;
    return entry;
  }
}
