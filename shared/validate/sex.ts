import type { Sex } from '../domain/records.ts';
import { issue, type Issue } from './issue.ts';
import { searchKey } from '../domain/search-key.ts';

const WORDS: ReadonlyMap<string, Sex> = new Map([
  ['male', 'male'],
  ['female', 'female'],
  ['nam', 'male'],
  // nữ, Nữ, NỮ and the unaccented nu all fold to this.
  ['nu', 'female'],
]);
/** The spellings files use most, looked up as they are before any folding. */
const COMMON: ReadonlyMap<string, Sex> = new Map([
  ...WORDS,
  ['Nam', 'male'],
  ['NAM', 'male'],
  ['nữ', 'female'],
  ['Nữ', 'female'],
  ['NỮ', 'female'],
]);

/** `male`/`female`, or the Vietnamese `nam`/`nữ` in any case, with or without diacritics. */
export function parseSex(s: string): Sex | undefined {
  // Most files say it plainly; fold case and diacritics only when they do not.
  return COMMON.get(s) ?? WORDS.get(searchKey(s));
}

export function checkSex(raw: string, field = 'sex'): { issues: Issue[]; value?: Sex } {
  const value = parseSex(raw);
  if (value !== undefined) return { issues: [], value };
  const text = raw.trim();
  return { issues: [issue(field, 'SEX_INVALID', text === '' ? { variant: 'empty' } : { value: text.slice(0, 20) })] };
}
