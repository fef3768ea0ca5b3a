import { seededRandom } from '../../../../shared/random/seeded-random.ts';

// Every fault sequence in these tests can be replayed from its seed.
export { seededRandom };

export function seededUint32(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.floor(random() * 4294967296) >>> 0;
}
