import { findCommune } from '../../shared/catalog/communes.ts';

/** "12, Khóm 1, Phường An Xuyên": house, hamlet, commune, as a volunteer reads an address. */
export function addressLine(address: { readonly communeCode: string; readonly hamlet: string; readonly house?: string | undefined }): string {
  const commune = findCommune(address.communeCode)?.fullName ?? address.communeCode;
  return [address.house, address.hamlet, commune].filter((part) => part !== undefined && part !== '').join(', ');
}
