import { findFormerCommune, successorsOfOldCommune } from '../catalog/former-communes.ts';
import type { FormerCommuneLookup } from './commune.ts';

/** The commune-history table as `checkCommune`'s lookup: what an old code was and became. */
export const formerCommuneHint: FormerCommuneLookup = (code) => {
  const former = findFormerCommune(code);
  const successors = successorsOfOldCommune(code);
  if (!former || !successors) return undefined;
  return {
    oldName: `${former.fullName}, ${former.district}`,
    successors: successors.map((s) => `${s.commune.fullName} (${s.commune.code})`),
  };
};
