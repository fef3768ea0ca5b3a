const MARKS = /\p{M}/gu;
const D = /[đĐ]/g;
const SPACES = /\s+/g;

/**
 * The key names are searched by: case and diacritics folded, đ→d, single spaces, so that
 * `nguyen van a` finds `NGUYỄN VĂN A` whether it was typed in NFC or NFD (docs/DOMAIN.md).
 */
export function searchKey(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(D, 'd').toLowerCase().replace(SPACES, ' ').trim();
}
