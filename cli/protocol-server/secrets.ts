import { V7Generator } from 'uuidv7';
import { textSha256 } from '../hashing/sha256.ts';
import type { Clock, RandomSource } from './runtime.ts';

/** SHA-256 hex of a secret: what the database keeps instead of a token or a team code. */
export function hashSecret(secret: string): string {
  return textSha256(secret);
}

/** A bearer token: 256 random bits, URL-safe. */
export function newToken(random: RandomSource): string {
  return Buffer.from(random.bytes(32)).toString('base64url');
}

// Crockford base32: no I, L, O, U, so a code read aloud or typed from paper survives.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time team code such as `7KQ4-M2XD` (40 bits, typed once by each volunteer). */
export function newTeamCode(random: RandomSource): string {
  const bytes = random.bytes(8);
  let code = '';
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a volunteer typed, in the form the code was hashed in (case, dashes and look-alikes folded). */
export function normaliseTeamCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** UUIDv7 ids for teams and devices, from the injected clock and randomness. */
export function createIdMaker(clock: Clock, random: RandomSource): () => string {
  const generator = new V7Generator({
    nextUint32: () => {
      const b = random.bytes(4);
      return ((b[0] ?? 0) * 2 ** 24 + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)) >>> 0;
    },
  });
  return () => generator.generateOrResetWithTs(Math.max(0, Math.floor(clock.now()))).toString();
}
