import { findDuplicateCccds } from './duplicates.ts';
import type { Issue } from './issue.ts';
import { validateResidentInput, type ResidentFields, type ResidentInput } from './resident.ts';

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
  /** The normalised record at each index, or undefined where it has an issue. */
  readonly values: readonly (ResidentFields | undefined)[];
}

/** Every record on its own, then across records (DUPLICATE_CCCD): what an import or `langso check` reports. */
export function validateResidentList(inputs: readonly ResidentInput[], options: { readonly today: string }): ResidentListCheck {
  const perRecord: Issue[][] = [];
  const values: (ResidentFields | undefined)[] = [];
  for (const input of inputs) {
    const result = validateResidentInput(input, options);
    perRecord.push([...result.issues]);
    values.push(result.value);
  }
  for (const dup of findDuplicateCccds(inputs.map((i) => i.cccd))) {
    perRecord[dup.index]?.push(dup.issue);
    values[dup.index] = undefined;
  }
  const issues: IndexedIssue[] = [];
  let valid = 0;
  perRecord.forEach((list, index) => {
    if (list.length === 0) valid += 1;
    for (const issue of list) issues.push({ index, issue });
  });
  return { records: inputs.length, valid, issues, values };
}
