import { issue, type Issue } from './issue.ts';

const SPACES = /\s+/g;
/** Letters in any script and case, combining marks, spaces, apostrophes and hyphens (H'Hen Niê, Thạch Sô-phia). */
const NAME = /^[\p{L}\p{M} '’ʼ‘-]+$/u;
const NOT_NAME_CHAR = /[^\p{L}\p{M} '’ʼ‘-]/gu;
const LETTER = /\p{L}/u;

/** NFC, trimmed, single spaces: how names and other free text are stored. */
export function normaliseName(s: string): string {
  return s.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Checks an already normalised full name. */
export function checkFullName(name: string, field = 'fullName'): Issue[] {
  if (name === '') return [issue(field, 'NAME_REQUIRED')];
  if (NAME.test(name) && LETTER.test(name)) return [];
  const bad = [...new Set(name.match(NOT_NAME_CHAR) ?? [])].slice(0, 5);
  return [issue(field, 'NAME_CHARS', { chars: bad.length > 0 ? bad.join(' ') : name })];
}
