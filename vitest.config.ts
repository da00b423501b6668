import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 60_000,
        // Servers started by tests save no index between sessions (the tests of that give their own folder).
        env: { THIDUA_INDEX_DIR: '' },
        reporters: ['default', './test/summary-reporter.ts']
    }
});
