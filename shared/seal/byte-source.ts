/**
 * A browser `File`/`Blob` stream as the async iterable the sealed-file code reads (Safari's
 * ReadableStream is not async-iterable yet). Releases the reader if the consumer stops early.
 */
export async function* readableBytes(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) return;
      yield step.value;
    }
  } finally {
    reader.releaseLock();
  }
}
