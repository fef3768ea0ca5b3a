import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Batch bodies compressed off the main thread (zlib's pool): JSON of residents shrinks ~5×. */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return gzipAsync(bytes);
}
