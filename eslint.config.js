// Lint rules, including the zone boundaries (architecture.md): shared/ is pure, renderer/ never reaches
// into Node or the Electron main process, electron/ never pulls in the UI or the database.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeBuiltinPatterns = ['node:*'];

/** `no-restricted-imports` options for one zone. */
function restrict({ paths = [], patterns = [] }) {
  return [
    'error',
    {
      paths: paths.map((p) =>
        typeof p === 'string' ? { name: p, message: 'Not allowed in this zone (see architecture.md).' } : p,
      ),
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'Not allowed in this zone (see architecture.md).',
      })),
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict({
        paths: ['electron', 'dexie', 'dexie-react-hooks', 'react', 'react-dom', 'zustand', ...nodeBuiltins],
        patterns: [
          ...nodeBuiltinPatterns,
          'react/*',
          'react-dom/*',
          'zustand/*',
          'dexie/*',
          '**/renderer/**',
          '**/electron/**',
          '@electron/*',
        ],
      }),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        'localStorage',
        'navigator',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict({
        paths: ['electron', ...nodeBuiltins],
        patterns: [...nodeBuiltinPatterns, '**/electron/**', '@electron/*'],
      }),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict({
        paths: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
        patterns: ['**/renderer/**'],
      }),
    },
  },
  {
    // The command line: plain Node over the shared builders, never the UI, the database or Electron.
    files: ['cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict({
        paths: ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
        patterns: ['**/renderer/**', '**/electron/**'],
      }),
    },
  },
  {
    // The one exception to the zone above: `fieldwork demo` must write exactly the file the app writes, so
    // cli/demo.ts runs the app's own demo loader and export code (renderer/db, renderer/features) on
    // fake-indexeddb. No other CLI file may import the renderer.
    files: ['cli/demo.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
        patterns: ['**/electron/**', '**/renderer/app/**', '**/renderer/platform/**'],
      }),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
