import { defineConfig } from 'vitest/config';

/** The extension's end-to-end test in a real VS Code (npm run test:e2e). */
export default defineConfig({
    test: {
        include: ['test/vscode/**/*.e2e.ts'],
        testTimeout: 300_000,
        hookTimeout: 300_000,
        reporters: ['default', './test/summary-reporter.ts']
    }
});
