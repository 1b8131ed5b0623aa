import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        testTimeout: 60_000,
        // The CLI's start-up snapshot is made in the background under TMPDIR after a run that found none: every
        // test of the built CLI runs the usual path, deterministically, and leaves no builder behind, except
        // test/cli/snapshot.test.ts and the tests that run both paths, which give a TMPDIR of their own.
        env: { CPIPLAN_NO_SNAPSHOT: '1' }
    }
});
