import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

// npm run test:electron — for machines that can download VS Code (or have one: VSCODE_EXECUTABLE=/path/to/code).
// These machines cannot, so `npm run test:e2e` (code-server) is the end-to-end test that CI runs.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const ws = join(mkdtempSync(join(tmpdir(), 'thidua-electron-')), 'ws');
cpSync(join(ROOT, 'examples'), ws, { recursive: true });
try {
    await runTests({
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: join(import.meta.dirname, 'suite.cjs'),
        launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust']
    });
} catch (e) {
    console.error(`Không chạy được VS Code để kiểm thử: ${String(e)}`);
    process.exit(1);
}
