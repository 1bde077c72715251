// `npm run lint`: ESLint's and typescript-eslint's recommended rules, on syntax only (`npm run typecheck` checks the types).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/*.generated.ts', 'publish/client/generated/', 'dashboard/dist/', '.build/', '.build.*/', 'node_modules/', 'reports/', 'test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // A leading underscore marks a parameter a signature needs but the body does not read.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['dashboard/src/**'], languageOptions: { globals: globals.browser } },
);
