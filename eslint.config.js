import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The browser's bundles validate with zod's tree-shakable API (docs/decisions/0018). */
const classicZod = {
  name: 'zod',
  message: "Browser code imports 'zod/mini': classic zod adds ~20 kB (brotli) to the first screen.",
};

const browserOrServerLibraries = [
  'react',
  'react-dom',
  'react-dom/*',
  'video.js',
  'video.js/*',
  'dexie',
  'zustand',
  'zustand/*',
  'hono',
  'hono/*',
  '@hono/*',
  'pg',
  '@electric-sql/*',
  'msw',
  'msw/*',
  'node:*',
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'dev-dist', 'qa-results', 'test-results', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts', 'src/console/**/*.tsx', 'src/console/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The domain is pure: the browser and the server run the same rules.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [classicZod], patterns: browserOrServerLibraries },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'indexedDB',
        'fetch',
        'localStorage',
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now' }],
    },
  },
  {
    files: [
      'src/ui/**',
      'src/player/**',
      'src/sync/**',
      'src/storage/**',
      'src/store/**',
      'src/embed/**',
      'src/offline/**',
      'src/main.tsx',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [classicZod] }] },
  },
  {
    // The console reads the report API like any client: no server, database or player code.
    files: ['src/console/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [classicZod],
          patterns: [
            '**/server/**',
            '**/storage/**',
            '**/player/**',
            'dexie',
            'video.js',
            'localStorage',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'localStorage', 'sessionStorage', 'indexedDB'],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'video.js',
            'dexie',
            'zustand',
            '**/ui/**',
            '**/player/**',
          ],
        },
      ],
    },
  },
);
