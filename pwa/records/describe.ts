import type { RecordEnvelope } from '../../shared/domain/records.ts';
import { findCommune } from '../../shared/catalog/communes.ts';

/** A record's name in lists: the person's or household's name, never an ID number. */
export function recordTitle(record: RecordEnvelope, names: ReadonlyMap<string, string> = new Map()): string {
  switch (record.type) {
    case 'household':
      return record.payload.headName;
    case 'resident':
      return record.payload.fullName;
    case 'eid':
      return names.get(record.payload.residentId) ?? '';
    case 'dossier':
      return `${record.payload.procedureCode} · ${names.get(record.payload.applicantResidentId) ?? ''}`;
  }
}

export function addressLine(address: { readonly communeCode: string; readonly hamlet: string; readonly house?: string | undefined }): string {
  const commune = findCommune(address.communeCode)?.fullName ?? address.communeCode;
  return [address.house, address.hamlet, commune].filter((part) => part !== undefined && part !== '').join(', ');
}
