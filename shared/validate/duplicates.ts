import { normaliseCccd } from './cccd.ts';
import { issue, type Issue } from './issue.ts';

const TWELVE_DIGITS = /^\d{12}$/;

export interface DuplicateIssue {
  /** The 0-based index, in the list given, of the record the issue is about. */
  readonly index: number;
  readonly issue: Issue;
}

/**
 * The same personal ID number on more than one record. Every record of a group gets an issue
 * naming another one (the first names the second, the others name the first), ordered by index.
 * Only well-formed numbers are compared: a malformed one already has its own issue.
 */
export function findDuplicateCccds(list: readonly (string | undefined)[], field = 'cccd'): DuplicateIssue[] {
  const firstSeen = new Map<string, number>();
  const pairs: [index: number, other: number][] = [];
  const firstFlagged = new Set<number>();
  list.forEach((raw, index) => {
    if (raw === undefined) return;
    const cccd = normaliseCccd(raw);
    if (!TWELVE_DIGITS.test(cccd)) return;
    const first = firstSeen.get(cccd);
    if (first === undefined) {
      firstSeen.set(cccd, index);
      return;
    }
    pairs.push([index, first]);
    if (!firstFlagged.has(first)) {
      firstFlagged.add(first);
      pairs.push([first, index]);
    }
  });
  return pairs
    .sort((a, b) => a[0] - b[0])
    .map(([index, other]) => ({
      index,
      issue: issue(field, 'DUPLICATE_CCCD', { otherIndex: other, otherRecord: other + 1 }),
    }));
}
