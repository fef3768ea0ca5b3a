import { ok } from '../domain/result.ts';
import { equalBytes, sha256, type Bytes } from './bytes.ts';
import { ChunkReader, type Head } from './chunk-reader.ts';
import { recipientCipher } from './content-cipher.ts';
import { EntryParser, type Entry } from './entry-parser.ts';
import { sealFailure, type SealResult } from './errors.ts';
import { nextChain, signedStatement } from './format.ts';
import { shortFingerprint } from './jwk.ts';

export interface ScanOptions {
  readonly source: AsyncIterable<Uint8Array>;
  readonly recipientKeyId: string;
  readonly decryptionKey: CryptoKey;
  /** Called with each entry once every chunk it came from has opened (and matched, on pass 2). */
  readonly onEntry: (entry: Entry) => Promise<void> | void;
  /** Pass 2: the head digest and chunk digests pass 1 verified; any difference stops the scan. */
  readonly expected?: { readonly headHash: Bytes; readonly chunkHashes: readonly Bytes[] };
}

export interface Scanned {
  readonly head: Head;
  /** What the device must have signed, and the signature it carries. */
  readonly statement: Bytes;
  readonly signature: Bytes;
  readonly chunkHashes: readonly Bytes[];
}

export type ScanCode =
  | 'SEAL_EMPTY'
  | 'SEAL_NOT_LANGSO'
  | 'SEAL_VERSION_UNSUPPORTED'
  | 'SEAL_TRUNCATED'
  | 'SEAL_CORRUPT'
  | 'SEAL_WRONG_KEY'
  | 'SEAL_CHANGED_DURING_READ';

/**
 * One pass over a `.langso` stream: head, then each chunk decrypted and cut into entries. It
 * checks the structure and every AES-GCM tag; the signature and the manifest are the caller's.
 */
export async function scanSealed(options: ScanOptions): Promise<SealResult<Scanned, ScanCode>> {
  const reader = new ChunkReader(options.source);
  try {
    return await scanWith(reader, options);
  } finally {
    await reader.close();
  }
}

async function scanWith(reader: ChunkReader, options: ScanOptions): Promise<SealResult<Scanned, ScanCode>> {
  const opened = await reader.readHead();
  if (!opened.ok) return opened;
  const head = opened.value;
  const { expected } = options;
  if (expected && !equalBytes(head.headHash, expected.headHash)) return sealFailure('SEAL_CHANGED_DURING_READ');
  if (head.header.recipientKeyId !== options.recipientKeyId) {
    return sealFailure('SEAL_WRONG_KEY', { keyId: shortFingerprint(head.header.recipientKeyId) });
  }
  const cipher = await recipientCipher(options.decryptionKey, head.header, head.headHash);
  if (!cipher) return sealFailure('SEAL_CORRUPT', { offset: 0 });

  const parser = new EntryParser();
  const chunkHashes: Bytes[] = [];
  let chain = head.headHash;
  for (;;) {
    const next = await reader.next();
    if (!next.ok) return next;
    const step = next.value;
    if (step.done) {
      if (!parser.complete) return sealFailure('SEAL_CORRUPT', { offset: step.offset });
      return ok({
        head,
        statement: signedStatement(head.headHash, chain, chunkHashes.length),
        signature: step.signature,
        chunkHashes,
      });
    }
    // Both run on WebCrypto's thread pool; start them together.
    const [cipherHash, plain] = await Promise.all([sha256(step.cipher), cipher.open(step.index, step.final, step.cipher)]);
    if (expected) {
      const seen = expected.chunkHashes[step.index];
      if (!seen || !equalBytes(seen, cipherHash) || (step.final && expected.chunkHashes.length !== step.index + 1)) {
        return sealFailure('SEAL_CHANGED_DURING_READ');
      }
    }
    if (!plain) return sealFailure('SEAL_CORRUPT', { offset: step.offset });
    chain = await nextChain(chain, cipherHash);
    chunkHashes.push(cipherHash);
    const entries = parser.push(plain);
    if (!entries) return sealFailure('SEAL_CORRUPT', { offset: step.offset });
    for (const entry of entries) await options.onEntry(entry);
  }
}
