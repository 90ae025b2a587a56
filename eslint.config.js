// Lint rules, including the module boundaries of STYLE.md: each library is imported by one folder only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

/** Forbids importing `names` from every file matched by `files` except those in `ignores`. */
function onlyIn(ignores, names, message) {
  return {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })) }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'data/', 'coverage/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['src/**/*.tsx'], ...solid },
  onlyIn(['src/model/**'], ['yjs'], 'Only src/model/ touches Y types; use the model functions.'),
  onlyIn(['src/sync/**'], ['y-websocket', 'y-indexeddb'], 'Only src/sync/ opens providers.'),
  onlyIn(
    ['src/grid/**'],
    ['ag-grid-community', '@ag-grid-community/locale'],
    'Only src/grid/ talks to AG Grid.',
  ),
  onlyIn(
    ['server/relay/**'],
    ['y-protocols/sync', 'y-protocols/awareness'],
    'Only server/relay/ speaks the protocol.',
  ),
);
