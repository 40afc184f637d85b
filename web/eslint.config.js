import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// bulletproof-react's unidirectional architecture: shared code (components,
// lib) never imports features or the app; a feature never imports another
// feature (compose them in src/app instead).
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const noApp = { group: ['@/app', '@/app/*', '**/app/*'], message: 'Only src/app may import from src/app.' };
const noFeatures = {
  group: ['@/features/*', '**/features/*'],
  message: 'Shared code must not import features.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'src/gql', 'scripts/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['e2e/**', '*.config.{ts,js}', 'codegen.ts', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures take `{}` and call `use`, which is not React's.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['src/components/**', 'src/lib/**'], rules: restrict([noApp, noFeatures]) },
  ...features.map((name) => ({
    files: [`src/features/${name}/**`],
    rules: restrict([
      noApp,
      {
        group: ['@/features/*', `!@/features/${name}`, '../../*', '../../../*'],
        message: `A feature imports only itself and shared code; compose features in src/app (in ${name}).`,
      },
    ]),
  })),
);
