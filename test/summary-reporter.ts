import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with the plain line CI reads: "N passed, N failed" (", N skipped" when some are). */
export default class SummaryReporter implements Reporter {
    onTestRunEnd(modules: readonly TestModule[]): void {
        let passed = 0,
            failed = 0,
            skipped = 0;
        for (const m of modules) {
            for (const t of m.children.allTests()) {
                const state = t.result().state;
                if (state === 'passed') passed++;
                else if (state === 'failed') failed++;
                else skipped++;
            }
            if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
        }
        process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    }
}
