/**
 * The layer rules of DESIGN.md, checked by `npm run deps` (part of `npm test`):
 * each layer imports only the ones above it (engine → protocol → server →
 * client → tui/cli), the engine imports no I/O or UI package and is reached
 * through its index.ts (or vocabulary.ts, the plain rules clients share),
 * the console imports no engine or server code but types, the wire imports
 * no package but zod, and nothing imports in a circle (type-only imports
 * included).
 */
const LAYERS_BELOW_ENGINE = '^src/(protocol|server|client|tui|cli)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules talk through the shared state and events, layers through the ones above them: never in a circle.',
      from: { path: '^(src|test|bench|bin)/' },
      to: { circular: true },
    },
    {
      name: 'engine-no-io-or-ui',
      severity: 'error',
      comment: 'The engine is a library with no I/O but its store and its clock: no socket, UI, CLI or config package.',
      from: { path: '^src/engine/' },
      to: {
        path: [
          '(^|/)node_modules/(ws|ink|ink-[^/]+|react|react-[^/]+|commander|chalk|conf|env-paths)/',
          '^(node:)?(http|https|http2|net|tls|dgram|child_process)$',
        ],
      },
    },
    {
      name: 'engine-imports-no-layer-below',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: LAYERS_BELOW_ENGINE },
    },
    {
      name: 'engine-has-its-doors-only',
      severity: 'error',
      comment:
        'The layers above reach the engine through src/engine/index.ts, or vocabulary.ts for the plain rules clients share (it loads no state, store or schema library), never its folders. The CLI, which wires everything and loads each command lazily, may pick the files it needs.',
      from: { path: '^src/(protocol|server|client|tui)/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(index|vocabulary)[.]ts$' },
    },
    {
      name: 'protocol-imports-only-zod',
      severity: 'error',
      comment: 'The wire is schemas and types: zod, the engine above it, and Node built-ins.',
      from: { path: '^src/protocol/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'], pathNot: '(^|/)node_modules/zod/' },
    },
    {
      name: 'protocol-imports-no-layer-below',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^src/(server|client|tui|cli)/' },
    },
    {
      name: 'server-imports-no-layer-below',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(client|tui|cli)/' },
    },
    {
      name: 'client-talks-through-the-wire',
      severity: 'error',
      comment: 'The client reaches the engine over the wire (protocol), never its code or the server\'s.',
      from: { path: '^src/client/' },
      to: { path: '^src/(engine|server|tui|cli)/' },
    },
    {
      name: 'console-imports-no-engine-or-server-code',
      severity: 'error',
      comment: 'The console talks through the client; it may share the engine\'s types, never its code.',
      from: { path: '^src/tui/' },
      to: { path: '^src/(engine|server)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'console-imports-no-cli',
      severity: 'error',
      from: { path: '^src/tui/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a cycle of types is a cycle of concepts.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
