import type { ResidentInput } from '../../shared/validate/resident.ts';

/** The columns of a residents file: all required in a CSV header, in any order. */
export const REQUIRED_COLUMNS = ['fullName', 'dateOfBirth', 'sex', 'cccd', 'phone', 'communeCode', 'hamlet'] as const;
/** Columns a file may add. */
export const OPTIONAL_COLUMNS = ['email', 'house'] as const;
export type ResidentColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export const ALL_COLUMNS: readonly ResidentColumn[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** One resident as read from a file, before validation. */
export interface ResidentRow {
  /** 0-based position among the file's records. */
  readonly index: number;
  /** 1-based line where the record starts, for CSV. */
  readonly line?: number;
  readonly input: ResidentInput;
}

export interface ResidentFile {
  readonly format: 'csv' | 'json';
  readonly rows: readonly ResidentRow[];
}
