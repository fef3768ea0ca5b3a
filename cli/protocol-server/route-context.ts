import type { IncomingMessage } from 'node:http';
import type { Lang } from '../i18n/index.ts';
import type { Reply } from './reply.ts';

/** What a route handler gets for one request. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly lang: Lang;
  /** Named parts of the path (e.g. `sha256`). */
  readonly params: Readonly<Record<string, string>>;
  /** Spends the configured latency (a fault knob); the dispatcher calls it unless the route does. */
  readonly delay: () => Promise<void>;
}

export type Handler = (ctx: RequestContext) => Promise<Reply>;

export interface Route {
  /** Path pattern; named groups become `params`. */
  readonly pattern: RegExp;
  readonly methods: Readonly<Partial<Record<string, Handler>>>;
  /** The route spends the latency itself, at the point that matters (a batch: while in flight). */
  readonly ownLatency?: boolean;
}
