/**
 * The lifecycle shared by e-ID applications and dossiers (docs/DOMAIN.md):
 * draft → ready → queued → sent → received → (needs_fix | scheduled | approved → activated | rejected).
 * The device moves a record up to `sent`; only the province moves it further.
 */
export const LIFECYCLE_STATUSES = [
  'draft',
  'ready',
  'queued',
  'sent',
  'received',
  'needs_fix',
  'scheduled',
  'approved',
  'activated',
  'rejected',
] as const;

export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** Who may cause a transition: the device (volunteer or lead) or the province. */
export type Actor = 'device' | 'province';

const TRANSITIONS: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>> = {
  draft: ['ready'],
  ready: ['draft', 'queued'],
  queued: ['ready', 'sent'],
  sent: ['queued', 'received', 'rejected'],
  received: ['needs_fix', 'scheduled', 'approved', 'rejected'],
  needs_fix: ['draft', 'received'],
  scheduled: ['approved', 'rejected'],
  approved: ['activated'],
  activated: [],
  rejected: [],
};

/** Statuses the province sets; a device never moves a record into them. */
const PROVINCE_ONLY: ReadonlySet<LifecycleStatus> = new Set<LifecycleStatus>([
  'received',
  'needs_fix',
  'scheduled',
  'approved',
  'activated',
  'rejected',
]);

export function canTransition(from: LifecycleStatus, to: LifecycleStatus, actor: Actor): boolean {
  if (!TRANSITIONS[from].includes(to)) return false;
  if (actor === 'device') return !PROVINCE_ONLY.has(to) && !(from === 'sent' && to !== 'queued');
  // The province answers only about what it has received.
  return PROVINCE_ONLY.has(to) || (from === 'needs_fix' && to === 'received');
}

export function isFinal(status: LifecycleStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** A record the volunteer may still edit on the device. */
export function isEditable(status: LifecycleStatus): boolean {
  return status === 'draft' || status === 'ready' || status === 'needs_fix';
}
