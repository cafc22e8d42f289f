// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { boundariesPlugin } from './eslint/boundariesPlugin.js';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'stream'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'data/**', 'test-results*/**', 'test-screenshots/**', 'playwright-report/**', '*.ndjson', 'eslint.config.js', 'eslint/**'] },
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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, 'electron', 'dexie', 'dexie-*', 'react', 'react-*', 'antd', 'fastify', 'pg', '@electric-sql/*'], message: 'shared/ is pure TypeScript: no DOM, Node, electron, dexie or UI imports.' },
          { group: ['**/renderer/**', '**/main/**', '**/server/**'], message: 'shared/ must not import from other processes.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, 'electron', 'fastify', 'pg', '@electric-sql/*'], message: 'renderer/ runs sandboxed: no Node or electron imports.' },
          { group: ['**/main/**', '**/server/**'], message: 'renderer/ talks to main only through window.app.' },
        ],
      }],
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
);
