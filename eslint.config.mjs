// Lint with zero warnings; the import restrictions below keep the layout of shared/style.md true:
// text → AST → evaluation → consumers, and a language core that depends on nothing outward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` patterns, each with the reason the linter prints. */
const forbid = (...groups) => ['error', { patterns: groups.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) }];

const outward = [
    [['**/generator/**', '**/cli/**', '**/server/**', '**/extension/**'], 'The language core imports nothing outward (generator, cli, server, extension).'],
    [['vscode'], 'Only the VS Code client imports vscode.']
];

export default tseslint.config(
    { ignores: ['out/**', 'node_modules/**', 'src/language/generated/**', '.vscode-test/**', 'test/e2e/.code-server/**', '**/*.mjs', '**/*.cjs', 'vitest.config.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            '@typescript-eslint/no-non-null-assertion': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/no-floating-promises': 'error',
            'no-restricted-imports': 'off'
        }
    },
    { files: ['src/language/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': forbid(...outward) } },
    {
        files: ['src/language/i18n/**/*.ts'],
        // A regex, not a group: gitignore-style groups cannot tell `./words.js` from `../model/x.js`.
        rules: {
            '@typescript-eslint/no-restricted-imports': ['error', {
                patterns: [{ regex: '^(?!\\./[\\w-]+\\.js$)', message: 'Messages import nothing but each other: the thin client bundles them.' }]
            }]
        }
    },
    {
        files: ['src/protocol.ts'],
        rules: { '@typescript-eslint/no-restricted-imports': forbid([['*'], 'The protocol module is dependency-free: client, server and CLI share it.']) }
    },
    {
        files: ['src/generator/**/*.ts'],
        rules: {
            '@typescript-eslint/no-restricted-imports': forbid(
                [['**/model/reader*'], 'Generators read figures from the evaluation, never raw AST numbers.'],
                [['**/generated/**', 'langium', 'langium/*'], 'Generators read figures from the evaluation; AST types only.', true],
                [['**/cli/**', '**/server/**', '**/extension/**', 'vscode'], 'Generators are pure: figures in, strings or buffers out.']
            )
        }
    },
    {
        files: ['src/extension/**/*.ts'],
        rules: {
            // A regex: gitignore-style groups cannot exempt `../language/i18n/` from `../language/`.
            '@typescript-eslint/no-restricted-imports': ['error', {
                patterns: [{
                    regex: '^(langium(/.*)?|.*/(generator|cli|server)/.*|.*/language/(?!i18n/[\\w-]+\\.js$).*)$',
                    message: 'The client is thin: it imports the protocol and its messages, never the language core.'
                }]
            }]
        }
    },
    {
        files: ['src/cli/**/*.ts', 'src/server/**/*.ts'],
        rules: { '@typescript-eslint/no-restricted-imports': forbid([['vscode', '**/extension/**'], 'Only the VS Code client imports vscode.']) }
    },
    {
        files: ['test/**/*.ts', 'bench/**/*.ts'],
        rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' }
    }
);
