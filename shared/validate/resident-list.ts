import { findDuplicateCccds } from './duplicates.ts';
import type { Issue } from './issue.ts';
import { validateResidentInput, type ResidentCheck, type ResidentCheckOptions, type ResidentFields, type ResidentInput } from './resident.ts';

export interface IndexedIssue {
  /** 0-based position of the record in the list. */
  readonly index: number;
  readonly issue: Issue;
}

export interface ResidentListCheck {
  readonly records: number;
  readonly valid: number;
  /** Ordered by record, then as each record's check found them (duplicates last). */
  readonly issues: readonly IndexedIssue[];
  /** The normalised record at each index, or undefined where it has an issue (empty unless kept). */
  readonly values: readonly (ResidentFields | undefined)[];
}

export interface ResidentListChecker {
  /** Checks the next record on its own; the answer lacks issues across records (duplicates). */
  add(input: ResidentInput): ResidentCheck;
  /** Adds the issues across records and sums up. */
  finish(): ResidentListCheck;
}

/**
 * A list of residents checked one record at a time, for files too big to hold twice: only the
 * issues, the CCCDs (for duplicates) and, if asked, the normalised values are kept.
 */
export function createResidentListChecker(options: ResidentCheckOptions & { readonly keepValues?: boolean }): ResidentListChecker {
  const issues: IndexedIssue[] = [];
  const cccds: (string | undefined)[] = [];
  const values: (ResidentFields | undefined)[] = [];
  const invalid = new Set<number>();
  return {
    add(input) {
      const index = cccds.length;
      const result = validateResidentInput(input, options);
      cccds.push(input.cccd);
      if (options.keepValues) values.push(result.value);
      if (result.issues.length > 0) invalid.add(index);
      for (const issue of result.issues) issues.push({ index, issue });
      return result;
    },
    finish() {
      const duplicates = findDuplicateCccds(cccds);
      for (const dup of duplicates) {
        invalid.add(dup.index);
        if (options.keepValues) values[dup.index] = undefined;
        issues.push(dup);
      }
      // Array#sort is stable: within a record, its own issues stay first and in order.
      if (duplicates.length > 0) issues.sort((a, b) => a.index - b.index);
      return { records: cccds.length, valid: cccds.length - invalid.size, issues, values };
    },
  };
}

/** Every record on its own, then across records (DUPLICATE_CCCD): what an import reports. */
export function validateResidentList(inputs: readonly ResidentInput[], options: ResidentCheckOptions): ResidentListCheck {
  const checker = createResidentListChecker({ ...options, keepValues: true });
  for (const input of inputs) checker.add(input);
  return checker.finish();
}
