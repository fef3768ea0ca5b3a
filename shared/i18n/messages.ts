/**
 * A message template: `{name}` placeholders are filled from the params. Templates are plain
 * strings so translators can edit them without touching code.
 */
export type Params = Readonly<Record<string, string | number>>;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}
