/** UUIDs (record ids, batch ids) are random hex: ten digits in a row happen in them by chance. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Output as far as personal numbers go: ids taken out, what is left must never hold a CCCD (12
 * digits) or a phone (10) in full. Use with `not.toMatch(/\d{10,}/)`.
 */
export function withoutIds(output: string): string {
  return output.replace(UUID, '<id>');
}
