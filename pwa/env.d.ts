/// <reference types="vite/client" />

/** Replaced at build time by vite.config.ts: a new value means a new service-worker version. */
declare const __LANGSO_BUILD__: string;
