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

/**
 * Every record on its own, then across records (DUPLICATE_CCCD): what an import or `langso
 * check` reports. Built for 100,000-row files: one flat issue list, nothing copied per record.
 */
export function validateResidentList(inputs: readonly ResidentInput[], options: { readonly today: string }): ResidentListCheck {
  const issues: IndexedIssue[] = [];
  const values: (ResidentFields | undefined)[] = [];
  let invalid = 0;
  for (let index = 0; index < inputs.length; index += 1) {
    const result = validateResidentInput(inputs[index] ?? {}, options);
    values.push(result.value);
    if (result.issues.length > 0) invalid += 1;
    for (const issue of result.issues) issues.push({ index, issue });
  }
  const duplicates = findDuplicateCccds(inputs.map((i) => i.cccd));
  if (duplicates.length === 0) return { records: inputs.length, valid: inputs.length - invalid, issues, values };
  for (const dup of duplicates) {
    if (values[dup.index] !== undefined) invalid += 1;
    values[dup.index] = undefined;
    issues.push(dup);
  }
  // Array#sort is stable: within a record, its own issues stay first and in order.
  issues.sort((a, b) => a.index - b.index);
  return { records: inputs.length, valid: inputs.length - invalid, issues, values };
}
