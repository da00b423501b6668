import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const options = {
    entryPoints: { cli: 'src/cli/index.ts', server: 'src/server/main.ts', extension: 'src/extension/main.ts' },
    external: ['vscode'],
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning'
};
if (watch) await (await esbuild.context(options)).watch();
else {
    await esbuild.build(options);
    // The CLI's code cache (bin/code-cache.cjs): written by a sample export of the examples.
    const out = mkdtempSync(join(tmpdir(), 'thidua-code-cache-'));
    try {
        const run = spawnSync(process.execPath, ['bin/thidua.cjs', 'export', 'examples', '--out', out], { env: { ...process.env, THIDUA_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
        if (run.status !== 0) console.warn('thidua: the CLI code cache was not written (the sample export failed)');
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}
