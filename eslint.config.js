// ESLint flat config: the recommended rules of @eslint/js and typescript-eslint (type-checked)
// for every TypeScript and JavaScript source. Formatting is Prettier's job (.prettierrc.json),
// so there are no style rules here. Astro components are checked by `astro check`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.jianbao/',
      'bench/out/',
      'bench/floor/.astro/',
      'content/',
      'templates/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Chinese text is full of U+3000 (ideographic space): allow it in strings, comments, patterns.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
      // `const { digest: _digest, ...rest } = x` is how we drop a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // An async function may implement an async interface without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript and the bare-Astro reference site (its types come from its own `astro sync`).
    files: ['**/*.js', '**/*.mjs', 'bench/floor/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
