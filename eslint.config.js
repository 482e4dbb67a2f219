// One lint gate for the whole workspace (see STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a union type instead of enum.' },
        { selector: "MemberExpression[property.name='remoteAddress']", message: 'SECURITY: never read a client address.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Shared packages must run unchanged in the browser and in Node.
    files: ['packages/crypto/src/**', 'packages/contracts/src/**', 'packages/scrub/src/**', 'packages/client/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', '!@kenekanko/crypto', '@kenekanko/server', '@kenekanko/web'] }],
    },
  },
  {
    // The scrub command line reads and writes files; the package's other code must not.
    files: ['packages/scrub/src/cli/**'],
    rules: { 'no-restricted-imports': 'off', 'no-console': 'off' },
  },
  {
    // Command-line tools and scripts talk to a terminal.
    files: ['scripts/**', 'apps/*/src/cli/**', '**/*.test.ts', '**/test/**'],
    rules: { 'no-console': 'off' },
  },
);
