import { toBase64url } from './base64url.ts';
import { sha256, u32be, type Bytes } from './bytes.ts';
import { senderSecret, type ContentCipher } from './content-cipher.ts';
import {
  DEFAULT_CHUNK_SIZE,
  END_MARKER,
  ENTRY_KIND,
  MAX_CHUNK_SIZE,
  MIN_CHUNK_SIZE,
  encodeHead,
  nextChain,
  signedStatement,
  type EntryKind,
} from './format.ts';
import { importPublicJwk, keyId } from './jwk.ts';
import type { EcPublicJwk } from '../sync/public-keys.ts';

/** Where sealed bytes go: a file stream, a Blob's parts, a test buffer. Awaited, for backpressure. */
export type ByteSink = (bytes: Bytes) => Promise<void> | void;

/** Signs the statement (`signedStatement`) and returns the 64-byte IEEE P1363 signature. */
export type StatementSigner = (statement: Bytes) => Promise<Bytes>;

export interface SealWriterOptions {
  readonly recipient: EcPublicJwk;
  readonly write: ByteSink;
  readonly chunkSize?: number;
}

export interface SealWriterTotals {
  readonly chunks: number;
  readonly bytes: number;
}

/**
 * The low layer of sealing: entries in, `.langso` bytes out, holding one chunk of plaintext at a
 * time. `seal()` drives it with records and attachments; it knows nothing of what they mean.
 * A chunk is sealed only when more bytes arrive after it is full, so the last chunk (the one
 * flagged final) is never empty and is only known at `finish`.
 */
export class SealWriter {
  private readonly buffer: Bytes;
  private fill = 0;
  private index = 0;
  private written = 0;
  private finished = false;

  private constructor(
    private readonly cipher: ContentCipher,
    private readonly write: ByteSink,
    private readonly headHash: Bytes,
    private chain: Bytes,
    chunkSize: number,
  ) {
    this.buffer = new Uint8Array(chunkSize);
  }

  static async start(options: SealWriterOptions): Promise<SealWriter> {
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
      throw new RangeError(`chunkSize must be an integer in [${MIN_CHUNK_SIZE}, ${MAX_CHUNK_SIZE}]`);
    }
    const secret = await senderSecret(await importPublicJwk(options.recipient, 'ECDH'));
    const head = await encodeHead({
      recipientKeyId: await keyId(options.recipient),
      ephemeralKey: toBase64url(secret.ephemeralKey),
      salt: toBase64url(secret.salt),
      chunkSize,
    });
    const writer = new SealWriter(await secret.cipher(head.headHash), options.write, head.headHash, head.headHash, chunkSize);
    await writer.emit(head.bytes);
    return writer;
  }

  /** One entry: a record's canonical JSON, an attachment (with its SHA-256), or the manifest. */
  async writeEntry(kind: EntryKind, bytes: Uint8Array, attachmentSha256?: Bytes): Promise<void> {
    if (this.finished) throw new Error('SealWriter: entry after finish');
    if ((kind === 'attachment') !== (attachmentSha256?.length === 32)) {
      throw new TypeError('SealWriter: an attachment entry, and only one, carries a 32-byte SHA-256');
    }
    await this.append(Uint8Array.of(ENTRY_KIND[kind]));
    await this.append(u32be(bytes.length));
    if (attachmentSha256) await this.append(attachmentSha256);
    await this.append(bytes);
  }

  /** Writes the manifest entry, seals the final chunk, then the signature and the end marker. */
  async finish(manifest: Uint8Array, sign: StatementSigner): Promise<SealWriterTotals> {
    await this.writeEntry('manifest', manifest);
    this.finished = true;
    await this.sealChunk(true);
    const signature = await sign(signedStatement(this.headHash, this.chain, this.index));
    if (signature.length !== 64) throw new Error('SealWriter: the signer must return a 64-byte P1363 signature');
    await this.emit(signature);
    await this.emit(END_MARKER.slice());
    return { chunks: this.index, bytes: this.written };
  }

  private async append(data: Uint8Array): Promise<void> {
    let at = 0;
    while (at < data.length) {
      if (this.fill === this.buffer.length) await this.sealChunk(false);
      const take = Math.min(data.length - at, this.buffer.length - this.fill);
      this.buffer.set(data.subarray(at, at + take), this.fill);
      this.fill += take;
      at += take;
    }
  }

  private async sealChunk(final: boolean): Promise<void> {
    // encrypt() copies its input, so the buffer can be refilled as soon as it resolves.
    const cipher = await this.cipher.seal(this.index, final, this.buffer.subarray(0, this.fill));
    this.chain = await nextChain(this.chain, await sha256(cipher));
    this.index += 1;
    this.fill = 0;
    await this.emit(cipher);
  }

  private async emit(bytes: Bytes): Promise<void> {
    this.written += bytes.length;
    await this.write(bytes);
  }
}
