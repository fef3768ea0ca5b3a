/** gzip through the browser's CompressionStream, when it has one (older WebViews do not). */
export function browserGzip(): ((bytes: Uint8Array) => Promise<Uint8Array>) | undefined {
  if (typeof CompressionStream === 'undefined') return undefined;
  return async (bytes) => {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
}
