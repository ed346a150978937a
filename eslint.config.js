// ESLint flat config: typescript-eslint's recommended rules for the server, the web app, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from './eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        Blob: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        crypto: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        HTMLElement: 'readonly',
      },
    },
    plugins: { agilepa: { rules: { boundaries } } },
    rules: {
      // Slices, modules, platform and web import each other only through the allowed doors (eslint/boundaries.js).
      'agilepa/boundaries': 'error',
      // The code base uses `any` for loosely typed JSON (OpenAPI documents, test payloads): flagged, not fatal.
      '@typescript-eslint/no-explicit-any': 'warn',
      // `_name` marks what is unused on purpose (destructuring to drop a field, callback signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // "Now" comes from the one clock (src/platform/clock.ts), so tests and `npm run test:on` move it everywhere at once.
    files: ['src/**/*.ts'],
    ignores: ['src/web/**', 'src/**/*.test.ts', 'src/**/*.test-support.ts', 'src/platform/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Usa clock.now() da src/platform/clock.ts, non Date.now().' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Usa clock.date() da src/platform/clock.ts, non new Date() senza argomenti.' },
      ],
    },
  },
);
