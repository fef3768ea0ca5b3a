import * as v from 'valibot';

/** The first problem of a failed parse, as a field path and a reason safe to send and log. */
// A type alias (not an interface) so it can be passed as message params.
export type FieldProblem = { readonly field: string; readonly reason: string };

/**
 * Names the field and what was expected, never what was received: the received value may be a
 * CCCD or a phone number, and receipts and error bodies end up in logs.
 */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[], prefix = ''): FieldProblem {
  const issue = issues[0];
  if (!issue) return { field: prefix || '(body)', reason: 'invalid' };
  const path = v.getDotPath(issue);
  const field = [prefix, path].filter((part) => part !== null && part !== '').join('.') || '(body)';
  // `received` is only trusted to say "missing"; otherwise it may echo personal data.
  const reason =
    issue.received === 'undefined'
      ? 'required'
      : issue.expected
        ? `${issue.type}, expected ${issue.expected}`
        : issue.type;
  return { field, reason };
}
