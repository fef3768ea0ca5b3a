/** Exactly one JSON document on stdout per command run with --json (logs go to stderr). */
export function writeJson(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}
