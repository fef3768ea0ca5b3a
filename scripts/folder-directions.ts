/**
 * Which folder may import which (docs/ARCHITECTURE.md, "Rules of direction"). A folder is the
 * directory a file sits in; every import across folders must be listed here, type-only ones
 * too. `shared` stands for every folder under shared/. The table itself has no cycle, and
 * neither may the code (scripts/check-folder-directions.ts, run by `npm run lint`).
 */
export const FOLDER_DIRECTIONS: Readonly<Record<string, readonly string[]>> = {
  // The domain core: pure, no I/O, lowest first.
  'shared/domain': ['shared/i18n'],
  'shared/random': [],
  'shared/catalog/data': [],
  'shared/catalog/eforms': [],
  'shared/catalog': ['shared/domain', 'shared/catalog/data', 'shared/catalog/eforms'],
  'shared/i18n': [],
  'shared/validate': ['shared/domain', 'shared/catalog', 'shared/catalog/eforms', 'shared/i18n'],
  'shared/sync': ['shared/domain'],
  'shared/seal': ['shared/domain', 'shared/sync', 'shared/i18n'],

  // Synthetic data for trainers and tests.
  'fixtures/generate': ['shared'],
  'fixtures/demo': ['shared'],

  // The PWA: the store and the words first, then the jobs, then the session, the screens, the root.
  'pwa/store': ['shared'],
  'pwa/i18n': ['shared'],
  'pwa/photo': [],
  'pwa/router': [],
  'pwa/search': ['shared', 'pwa/store'],
  'pwa/seal': ['shared', 'pwa/i18n', 'pwa/store'],
  'pwa/sync': ['shared', 'pwa/seal', 'pwa/store'],
  'pwa/records': ['shared', 'pwa/i18n', 'pwa/search', 'pwa/store'],
  'pwa/training': ['shared', 'pwa/records', 'pwa/search', 'pwa/store'],
  'pwa/session': ['shared', 'pwa/records', 'pwa/search', 'pwa/store', 'pwa/sync', 'pwa/training'],
  'pwa/components': ['shared', 'pwa/i18n', 'pwa/photo', 'pwa/router', 'pwa/seal', 'pwa/session', 'pwa/store', 'pwa/sync'],
  'pwa/screens': ['shared', 'pwa/components', 'pwa/i18n', 'pwa/records', 'pwa/router', 'pwa/session', 'pwa/store', 'pwa/sync'],
  'pwa/app': ['shared', 'pwa/components', 'pwa/i18n', 'pwa/router', 'pwa/screens', 'pwa/session', 'pwa/store'],
  'pwa/build': [],
  pwa: ['pwa/app'],

  // The CLI: conventions first, then the stores, then the jobs, then the commands.
  cli: ['shared', 'cli/commands', 'cli/i18n', 'cli/program'],
  'cli/i18n': ['shared'],
  'cli/program': ['shared', 'cli/i18n'],
  'cli/output': ['shared', 'cli/i18n', 'cli/program'],
  'cli/db': ['cli/program'],
  'cli/hashing': ['shared'],
  'cli/input': ['shared', 'cli/program'],
  'cli/seal': ['shared', 'cli/i18n'],
  'cli/protocol-server': ['shared', 'cli/db', 'cli/hashing', 'cli/i18n'],
  'cli/sandbox': ['shared', 'cli/db', 'cli/i18n', 'cli/protocol-server'],
  'cli/workspace': ['shared', 'cli/db', 'cli/hashing', 'cli/program', 'cli/protocol-server'],
  'cli/keys': ['shared', 'cli/i18n', 'cli/program', 'cli/seal', 'cli/workspace'],
  'cli/intake': [
    'shared',
    'cli/hashing',
    'cli/i18n',
    'cli/input',
    'cli/output',
    'cli/program',
    'cli/protocol-server',
    'cli/seal',
    'cli/workspace',
  ],
  'cli/review': ['shared', 'cli/i18n', 'cli/output', 'cli/program', 'cli/workspace'],
  'cli/report': ['shared', 'cli/i18n', 'cli/output', 'cli/program', 'cli/workspace'],
  'cli/upstream': ['shared', 'cli/i18n', 'cli/output', 'cli/program', 'cli/protocol-server', 'cli/workspace'],
  'cli/hub': [
    'shared',
    'cli/db',
    'cli/hashing',
    'cli/i18n',
    'cli/intake',
    'cli/keys',
    'cli/output',
    'cli/program',
    'cli/protocol-server',
    'cli/seal',
    'cli/workspace',
  ],
  'cli/demo': ['shared'],
  'cli/commands': [
    'shared',
    'cli/demo',
    'cli/hub',
    'cli/i18n',
    'cli/input',
    'cli/intake',
    'cli/keys',
    'cli/output',
    'cli/program',
    'cli/protocol-server',
    'cli/report',
    'cli/review',
    'cli/sandbox',
    'cli/upstream',
    'cli/workspace',
  ],
};

/** Single files allowed through into a folder the rest of their folder may not import. */
export const DOORS: readonly { readonly file: string; readonly into: string }[] = [
  // `langso fixtures generate` is the CLI face of the fixture generator.
  { file: 'cli/commands/fixtures.ts', into: 'fixtures/generate' },
];
