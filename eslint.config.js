// `npm run lint`: ESLint's, typescript-eslint's and React hooks' recommended rules, with type information
// (a promise nobody awaits can lose a save without a word). The layout is Prettier's (.prettierrc.json), checked too.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.bench-cache/', 'render/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.faults.config.ts', 'vitest.ssh.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `{ id: _id, ...rest }` leaves a field out of a copy: the underscore says so.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Names are typed with full-width spaces (a full-width space, U+3000): the code and its texts name them on purpose.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
    },
  },
  // One direction of dependency (README 代码结构): each layer imports only the layers before it. And the
  // clients reach the datastore only through operations/scoped-store.ts, where every read is cut to the
  // user's colleges: a read added to DatastoreFile stays out of their reach until it is written there.
  ...[
    ['domain', 'files|store|io|operations|cli|ui'],
    ['files', 'store|io|operations|cli|ui'],
    ['store', 'io|operations|cli|ui'],
    ['io', 'operations|cli|ui'],
    ['operations', 'cli|ui', true],
    ['cli', null, true],
    ['ui', null, true],
  ].map(([layer, later, client]) => ({
    files: [`source/${layer}/**/*.{ts,tsx}`],
    ignores: ['source/operations/scoped-store.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(later ? [{ regex: `^(\\.\\./)+(${later})/`, message: `source/${layer} 不引用后面的层` }] : []),
            ...(client
              ? [
                  {
                    regex: '^(\\.\\./)+store/datastore-file\\.js$',
                    message: '经 operations/scoped-store.ts 读写数据文件',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: ['source/operations/scoped-store.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(cli|ui)/', message: 'source/operations 不引用后面的层' }] },
      ],
    },
  },
  {
    // Hooks live in the terminal UI and its tests; elsewhere a `use…` function is not one.
    files: ['source/ui/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
