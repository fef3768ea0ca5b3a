import { findCommune } from '../catalog/communes.ts';
import { shown } from './dates.ts';
import { issue, type Issue } from './issue.ts';

/** What a pre-2025 commune code became, for a message that names the new commune(s). */
export interface FormerCommuneHint {
  /** "Phường 9, Thành phố Cà Mau". */
  readonly oldName: string;
  /** "Phường An Xuyên (32002)", one per 2025 commune the old one went to. */
  readonly successors: readonly string[];
}

/**
 * Looks up a retired code. The CLI passes `formerCommuneHint` (former-commune-hint.ts) for old
 * spreadsheets; the PWA's picker offers only today's communes, so it does without the table.
 */
export type FormerCommuneLookup = (code: string) => FormerCommuneHint | undefined;

/**
 * A commune code of Cà Mau since 1 July 2025. With a lookup, a pre-2025 code (of Cà Mau or Bạc
 * Liêu) is refused with the name of the commune(s) it became, so the volunteer can pick the new one.
 */
export function checkCommune(raw: string, field = 'communeCode', formerCommunes?: FormerCommuneLookup): { issues: Issue[]; value?: string } {
  const code = raw.trim();
  if (code === '') return { issues: [issue(field, 'COMMUNE_UNKNOWN', { variant: 'empty', value: '' })] };
  if (findCommune(code)) return { issues: [], value: code };
  const former = formerCommunes?.(code);
  if (former && former.successors.length > 0) {
    return {
      issues: [
        issue(field, 'COMMUNE_UNKNOWN', {
          variant: former.successors.length === 1 ? 'former' : 'formerSplit',
          value: code,
          oldName: former.oldName,
          successors: former.successors.join(', '),
        }),
      ],
    };
  }
  return { issues: [issue(field, 'COMMUNE_UNKNOWN', { value: shown(code) })] };
}
