/**
 * The province's references. Dossier codes follow the national portal's structure (Thông tư
 * 01/2018/TT-VPCP Art. 19): `<unit code>-<YYMMDD received>-<NNNN, the day's sequence>`, e.g.
 * `000.00.00.H12-261127-0001`, the unit code built per QCVN 102:2016/BTTTT (H12 = Cà Mau).
 * Other records get a receipt number `TN-<YYMMDD>-<NNNNNN>` (tiếp nhận). Sequences count per
 * day, so the same requests in the same order always give the same references.
 */

/** Asia/Ho_Chi_Minh has no daylight saving time: a fixed UTC+7. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** `YYMMDD` of the day in Vietnam at `ms`. */
export function vietnamDayStamp(ms: number): string {
  const iso = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

export function dossierCode(agencyCode: string, receivedMs: number, sequence: number): string {
  return `${agencyCode}-${vietnamDayStamp(receivedMs)}-${String(sequence).padStart(4, '0')}`;
}

export function receiptNumber(receivedMs: number, sequence: number): string {
  return `TN-${vietnamDayStamp(receivedMs)}-${String(sequence).padStart(6, '0')}`;
}

/** The counter that numbers a reference: one per kind and Vietnamese day. */
export function sequenceName(kind: 'dossier' | 'receipt', receivedMs: number): string {
  return `${kind}:${vietnamDayStamp(receivedMs)}`;
}

/** A local time in Vietnam as ISO with its +07:00 offset (what an appointment slip shows). */
export function vietnamIso(ms: number): string {
  return `${new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** Midnight (Vietnam) of the day holding `ms`, as epoch ms. */
export function vietnamMidnight(ms: number): number {
  const local = ms + VIETNAM_OFFSET_MS;
  return local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - VIETNAM_OFFSET_MS;
}
