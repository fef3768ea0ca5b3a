import { issue, type Issue } from './issue.ts';

const SPACES = /\s+/g;
/** Letters in any script and case, combining marks, spaces, apostrophes and hyphens (H'Hen Niê, Thạch Sô-phia). */
const NAME = /^[\p{L}\p{M} '’ʼ‘-]+$/u;
const NOT_NAME_CHAR = /[^\p{L}\p{M} '’ʼ‘-]/gu;
const LETTER = /\p{L}/u;

/** Whitespace other than a plain space (tabs, no-break spaces, line breaks…). */
const ODD_SPACE = /[^\S ]/;

/** NFC, trimmed, single spaces: how names and other free text are stored. */
export function normaliseName(s: string): string {
  const nfc = s.normalize('NFC');
  const tidy =
    !nfc.includes('  ') && nfc.charCodeAt(0) !== 32 && nfc.charCodeAt(nfc.length - 1) !== 32 && !ODD_SPACE.test(nfc);
  // Checking first spares a new string for the names that are already tidy (most of them).
  return tidy ? nfc : nfc.replace(SPACES, ' ').trim();
}

/** Checks an already normalised full name. */
export function checkFullName(name: string, field = 'fullName'): Issue[] {
  if (name === '') return [issue(field, 'NAME_REQUIRED')];
  if (NAME.test(name) && LETTER.test(name)) return [];
  const bad = [...new Set(name.match(NOT_NAME_CHAR) ?? [])].slice(0, 5);
  return [issue(field, 'NAME_CHARS', { chars: bad.length > 0 ? bad.join(' ') : name })];
}
