// Type-aware lint (`npm run lint`, part of `npm test`): promises that nobody
// awaits or that are handed where a plain callback is expected are lost
// errors in a server; a switch over a union that misses a case is a silent
// bug when the union grows (a new medium, a new event).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'coverage/', 'dist/'] },
  // The command npm links has no extension, so no type checker reads it: it only imports bin/launcher.js (checked below); linted for what plain JavaScript can be checked for.
  { files: ['bin/agent-console'], rules: { 'no-undef': 'error', 'no-unused-vars': 'error' }, languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    files: ['**/*.ts', '**/*.tsx', 'bin/*.js'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
