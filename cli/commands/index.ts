import type { Register } from '../program.ts';

/** Every command of `langso`, one file each. */
export const COMMANDS: readonly Register[] = [];
