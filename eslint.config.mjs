// The lint of the repository's JavaScript: the build tools (tools/*.mjs) and
// the browser tests and bench (tests/browser/), which run in Node and hand
// functions to the browser (page.evaluate), so both sets of globals apply.
// ESLint and its rules are the build tools' packages (tools/package.json).
import { createRequire } from 'node:module';

const require = createRequire(new URL('./tools/', import.meta.url));
const js = require('@eslint/js');
const globals = require('globals');

export default [
  { ignores: ['**/node_modules/**', 'target/**', 'dist*/**', 'bench-report/**', 'tests/browser/bench-tmp.mjs'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser, ...globals.serviceworker },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
];
