// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { boundariesPlugin } from './eslint/boundariesPlugin.js';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';

/** What the local database object opens up: its tables, transactions, codec, its deletion and name (closing it is anyone's). */
const DB_INSIDES =
  '/^(stations|staff|recipients|visits|aid|duties|dutyOccurrences|requests|signoffs|outbox|syncState|conflicts|auditLocal|drafts|transaction|table|tables|codec|delete|name)$/';
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'stream'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'data/**',
      'test-results*/**',
      'test-screenshots/**',
      'playwright-report/**',
      '*.ndjson',
      'eslint.config.js',
      'eslint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'dexie', 'dexie-*', 'react', 'react-*', 'antd', 'fastify', 'pg', '@electric-sql/*'],
              message: 'shared/ is pure TypeScript: no DOM, Node, electron, dexie or UI imports.',
            },
            { group: ['**/renderer/**', '**/main/**', '**/server/**'], message: 'shared/ must not import from other processes.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'fastify', 'pg', '@electric-sql/*'],
              message: 'renderer/ runs sandboxed: no Node or electron imports.',
            },
            { group: ['**/main/**', '**/server/**'], message: 'renderer/ talks to main only through window.app.' },
          ],
        },
      ],
    },
  },
  {
    // Issue 14 §2, the other half of eslint/boundaries/dbDoor.js: outside renderer/db/ the
    // database handle (`db`, `ctx.db`) is passed on to query functions and repositories, never
    // opened up. (The rule's options replace the ones above, hence the named-exports selector again.)
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**', 'renderer/bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: `MemberExpression:matches([object.name=/^(db|database)$/], [object.property.name=/^(db|database)$/])[property.name=${DB_INSIDES}]`,
          message:
            "The database's tables, transactions and codec are renderer/db/'s: call a query function of renderer/db/queries/ or a repository (add one there if none fits).",
        },
      ],
    },
  },
  {
    // React's hook rules, with the React-Compiler-derived ones of v7 (set-state-in-effect, refs,
    // purity …); a missing effect dependency is an error, not a warning.
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { youfu: boundariesPlugin },
    rules: { 'youfu/boundaries': 'error' },
  },
  {
    files: ['server/**/*.ts', 'main/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.config.ts', 'renderer/main.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Formatting is Prettier's (npm run lint runs its check): no ESLint rule may disagree with it.
  eslintConfigPrettier,
);
