import type { LangsoDb } from './db.ts';

/**
 * The hamlets already written for a commune, most used first: suggestions keep one hamlet from
 * being spelled three ways ("Ấp 3", "ấp Ba", "Ap 3").
 */
export async function knownHamlets(db: LangsoDb, communeCode: string, limit = 50): Promise<string[]> {
  const uses = new Map<string, number>();
  await db.records.where('type').equals('household').each((record) => {
    if (record.envelope.type !== 'household') return;
    const address = record.envelope.payload.address;
    if (address.communeCode !== communeCode) return;
    uses.set(address.hamlet, (uses.get(address.hamlet) ?? 0) + 1);
  });
  return [...uses.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))
    .slice(0, limit)
    .map(([hamlet]) => hamlet);
}
