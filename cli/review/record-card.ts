import { t, wordFor, type Lang } from '../i18n/index.ts';
import { paint } from '../output/color.ts';
import type { ReviewItem, ReviewTwin } from './review-items.ts';

function who(lang: Lang, item: Pick<ReviewItem, 'fullName' | 'dateOfBirth' | 'hamlet'>): string {
  const name = item.fullName ?? t(lang, 'LEAD_NO_NAME');
  return [name, item.dateOfBirth ?? '?', item.hamlet ?? '?'].join(' · ');
}

function origin(lang: Lang, item: Pick<ReviewItem, 'source' | 'line'>): string {
  return item.line === null
    ? t(lang, 'LEAD_ORIGIN', { source: item.source })
    : t(lang, 'LEAD_ORIGIN_LINE', { source: item.source, line: item.line });
}

export function twinLine(lang: Lang, twin: ReviewTwin): string {
  const kind = t(lang, twin.kind === 'duplicate' ? 'LEAD_TWIN_DUPLICATE' : 'LEAD_TWIN_POSSIBLE');
  const state = wordFor(lang, 'LEAD_REVIEW_STATE', twin.reviewState);
  return `${kind}: ${twin.id}  ${who(lang, twin)}  (${origin(lang, twin)}; ${state})`;
}

/** Several lines about one record (with its full id: any unique prefix of it is accepted back): who, identifiers, origin, its issues, and its likely twins. */
export function renderRecordCard(lang: Lang, item: ReviewItem, color: boolean): string {
  const lines = [paint(color, 'bold', `${item.id}  ${who(lang, item)}`)];
  const ids = [
    item.sex === null ? undefined : wordFor(lang, 'sex', item.sex),
    item.cccd === null ? t(lang, 'LEAD_NO_CCCD') : t(lang, 'LEAD_CARD_CCCD', { cccd: item.cccd }),
    item.phone === null ? undefined : t(lang, 'LEAD_CARD_PHONE', { phone: item.phone }),
    item.communeCode === null ? undefined : t(lang, 'LEAD_COMMUNE_SHORT', { code: item.communeCode }),
    item.consent ? undefined : paint(color, 'yellow', t(lang, 'LEAD_NO_CONSENT')),
  ].filter((part): part is string => part !== undefined);
  lines.push(`  ${ids.join(' · ')}`);
  lines.push(`  ${paint(color, 'dim', origin(lang, item))}`);
  for (const issue of item.issues) lines.push(`  ${paint(color, 'red', '✗')} ${issue.message}`);
  for (const twin of item.duplicates) {
    lines.push(`  ${paint(color, twin.kind === 'duplicate' ? 'red' : 'yellow', '≈')} ${twinLine(lang, twin)}`);
  }
  return `${lines.join('\n')}\n`;
}
