import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'e2e/.tmp/**',
      'bench/.tmp/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Routes and components compose; only lib/ and scripts talk to the database.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@/db', '@/db/index', '@/db/migrate', '@/db/seed', '@/db/prepare'].map((name) => ({
            name,
            message: 'Read through lib/<domain>/queries instead (types and constants from @/db/schema are fine).',
          })),
        },
      ],
    },
  },
];
export default config;
