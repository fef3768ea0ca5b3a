import { parseDate } from '../../shared/validate/dates.ts';
import { normaliseCccd } from '../../shared/validate/cccd.ts';
import { normaliseName } from '../../shared/validate/names.ts';
import type { ResidentInput } from '../../shared/validate/resident.ts';
import { searchKey } from '../../shared/domain/search-key.ts';
import { textSha256 } from '../hashing/sha256.ts';

/** What a resident row is known by, for re-imports and for dedup, valid or not. */
export interface PersonKeys {
  readonly cccd: string | null;
  readonly searchKey: string | null;
  readonly dateOfBirth: string | null;
  readonly hamlet: string | null;
  readonly hamletKey: string | null;
}

const TWELVE_DIGITS = /^\d{12}$/;

/** Keys taken from the raw input, so that an invalid row still finds its twin. */
export function personKeysOf(input: ResidentInput): PersonKeys {
  const cccd = input.cccd === undefined ? '' : normaliseCccd(input.cccd);
  const name = searchKey(input.fullName ?? '');
  return {
    cccd: TWELVE_DIGITS.test(cccd) ? cccd : null,
    searchKey: name === '' ? null : name,
    dateOfBirth: parseDate(input.dateOfBirth ?? '') ?? null,
    ...hamletOf(input.hamlet ?? ''),
  };
}

type Hamlet = Pick<PersonKeys, 'hamlet' | 'hamletKey'>;

/** A commune has tens of hamlets, a file 100,000 rows: each spelling is folded once. */
const hamlets = new Map<string, Hamlet>();
const HAMLETS_KEPT = 10_000;

function hamletOf(typed: string): Hamlet {
  const known = hamlets.get(typed);
  if (known) return known;
  const hamlet = normaliseName(typed);
  const folded: Hamlet = hamlet === '' ? { hamlet: null, hamletKey: null } : { hamlet, hamletKey: searchKey(hamlet) };
  if (hamlets.size >= HAMLETS_KEPT) hamlets.clear();
  hamlets.set(typed, folded);
  return folded;
}

/**
 * A row's identity within its source (one volunteer, or one file): the CCCD when it has a
 * well-formed one, else the folded name and date of birth, else its position. An edited file
 * re-imported then updates the same records instead of adding new ones.
 */
export function sourceKeyOf(keys: PersonKeys, index: number): string {
  if (keys.cccd) return `cccd:${keys.cccd}`;
  if (keys.searchKey && keys.dateOfBirth) return `person:${keys.searchKey}|${keys.dateOfBirth}`;
  return `row:${index}`;
}

const INPUT_FIELDS = ['fullName', 'dateOfBirth', 'sex', 'cccd', 'phone', 'email', 'communeCode', 'hamlet', 'house'] as const;

/**
 * The hash a row is recognised by on re-import: its fields as typed, in a fixed order. Cheaper
 * than canonical JSON for 100,000 rows, and just as stable.
 */
export function rowSha256(input: ResidentInput): string {
  return textSha256(JSON.stringify(INPUT_FIELDS.map((field) => input[field] ?? null)));
}
