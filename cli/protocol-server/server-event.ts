/**
 * What happened at the server, for a trainer watching the sandbox's terminal: the faults it
 * injected and the replays that answer them. Never a record's content: ids and counts only.
 */
export type ServerEvent =
  | { readonly kind: 'cut-after-commit'; readonly batchId: string; readonly records: number }
  | { readonly kind: 'replayed'; readonly batchId: string }
  | { readonly kind: 'unavailable'; readonly method: string; readonly path: string };
