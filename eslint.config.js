import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Server code must never reach the browser bundle: client modules may not import db/ or *.server files
// (a type from a *.server file is fine: types are erased, e.g. MessageKey from the server catalogue).
const serverOnly = {
  patterns: [
    { group: ['**/db/*', '@db/*'], message: 'db/ is server-only: import it from a *.server.ts module.' },
    {
      group: ['**/*.server', '**/*.server.*'],
      message: 'Import *.server modules only from other server modules or route loaders/actions.',
      allowTypeImports: true,
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'public/build/**',
      'node_modules/**',
      'drizzle/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'tests/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/triple-slash-reference': 'off' } },
  {
    // Components and client helpers: no server imports. Route modules may import *.server (Remix strips
    // loaders/actions from the client build), but never db/ directly.
    files: ['app/components/**', 'app/i18n/**', 'app/entry.client.tsx', 'app/utils/**'],
    ignores: ['**/*.server.ts', '**/*.server.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', serverOnly] },
  },
  {
    files: ['app/routes/**', 'app/root.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/*', '@db/*'], message: 'Routes never touch db/: go through a module service.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/modules/**'],
    ignores: ['**/*.server.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', serverOnly] },
  },
)
