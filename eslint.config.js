// ESLint flat config: Vue 3 recommended rules, typescript-eslint (type-aware where it pays),
// Vue accessibility rules; formatting is Prettier's job, so eslint-config-prettier goes last.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import vue from 'eslint-plugin-vue';
import vueA11y from 'eslint-plugin-vuejs-accessibility';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'dev-dist/',
    'test-results/',
    'playwright-report/',
    'bench-results/',
    'public/',
    // Recorded server responses, kept exactly as sent.
    'src/testing/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  vueA11y.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      // A label names its control by wrapping it or by for=; HTML and axe accept either, the plugin's default wants both.
      'vuejs-accessibility/label-has-for': ['error', { required: { some: ['nesting', 'id'] } }],
      // <Mfm> renders the text it is given, so a heading holding it has content.
      'vuejs-accessibility/heading-has-content': ['error', { accessibleChildren: ['Mfm'] }],
      // Safari drops list semantics from a list styled list-style: none; role="list" gives them back.
      'vuejs-accessibility/no-redundant-roles': ['error', { ul: ['list'] }],
      // Audio and video are users' drive files: Misskey has no caption tracks to give them; the file's comment labels them.
      'vuejs-accessibility/media-has-caption': 'off',
      // Components have plain names (Timeline, Mfm); vue/no-reserved-component-names still catches a clash with HTML.
      'vue/multi-word-component-names': 'off',
    },
  },
  // Components live in .vue files; a .ts file defines components only as small test hosts.
  { files: ['**/*.ts'], rules: { 'vue/one-component-per-file': 'off' } },
  // The stand-in's tests walk recorded JSON frames by path; `any` stays out of the app and the stand-in itself.
  { files: ['e2e/server/*.test.ts', 'e2e/server/testing.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  { files: ['e2e/**'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  { files: ['scripts/**', '*.js', '*.ts'], languageOptions: { globals: globals.node } },
  prettier,
);
