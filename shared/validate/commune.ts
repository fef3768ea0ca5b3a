import { findCommune, findFormerCommune, successorsOfOldCommune } from '../catalog/communes.ts';
import { shown } from './dates.ts';
import { issue, type Issue } from './issue.ts';

/**
 * A commune code of Cà Mau since 1 July 2025. A pre-2025 code (of Cà Mau or Bạc Liêu) is refused
 * with the name of the commune(s) it became, so the volunteer can pick the new one.
 */
export function checkCommune(raw: string, field = 'communeCode'): { issues: Issue[]; value?: string } {
  const code = raw.trim();
  if (code === '') return { issues: [issue(field, 'COMMUNE_UNKNOWN', { variant: 'empty', value: '' })] };
  if (findCommune(code)) return { issues: [], value: code };
  const successors = successorsOfOldCommune(code);
  const former = findFormerCommune(code);
  if (successors && former && successors.length > 0) {
    return {
      issues: [
        issue(field, 'COMMUNE_UNKNOWN', {
          variant: successors.length === 1 ? 'former' : 'formerSplit',
          value: code,
          oldName: `${former.fullName}, ${former.district}`,
          successors: successors.map((s) => `${s.commune.fullName} (${s.commune.code})`).join(', '),
        }),
      ],
    };
  }
  return { issues: [issue(field, 'COMMUNE_UNKNOWN', { value: shown(code) })] };
}
