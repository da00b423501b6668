import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

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

const CACHE_ENV = { ...process.env, THIDUA_WRITE_CODE_CACHE: '1' };

/** The CLI's code cache (bin/code-cache.cjs): written by a sample export of the examples. */
function cliCodeCache() {
    const out = mkdtempSync(join(tmpdir(), 'thidua-code-cache-'));
    try {
        const run = spawnSync(process.execPath, ['bin/thidua.cjs', 'export', 'examples', '--out', out], {
            env: CACHE_ENV,
            stdio: 'ignore'
        });
        if (run.status !== 0) console.warn('thidua: the CLI code cache was not written (the sample export failed)');
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}

/** The server's code cache: written by a short session on the examples (start-up, an open file, hover, completion). */
async function serverCodeCache() {
    const proc = spawn(process.execPath, ['bin/thidua-language-server.cjs', '--stdio'], {
        env: CACHE_ENV,
        stdio: ['pipe', 'pipe', 'ignore']
    });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.onError(() => undefined);
    conn.listen();
    const exited = new Promise(r => proc.once('exit', r));
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 30_000).unref());
    try {
        const folder = pathToFileURL(resolve('examples')).toString();
        const file = resolve('examples', '000-chi-thi-ha-lang-2023.thidua');
        const uri = pathToFileURL(file).toString();
        const diagnostics = new Promise(r =>
            conn.onNotification('textDocument/publishDiagnostics', p => {
                if (p.uri === uri) r(p);
            })
        );
        await Promise.race([
            (async () => {
                await conn.sendRequest('initialize', {
                    processId: process.pid,
                    rootUri: folder,
                    workspaceFolders: [{ uri: folder, name: 'examples' }],
                    capabilities: {}
                });
                await conn.sendNotification('initialized', {});
                await conn.sendNotification('textDocument/didOpen', {
                    textDocument: { uri, languageId: 'thidua', version: 1, text: readFileSync(file, 'utf8') }
                });
                await diagnostics;
                await conn.sendRequest('textDocument/hover', {
                    textDocument: { uri },
                    position: { line: 47, character: 40 }
                });
                await conn.sendRequest('textDocument/completion', {
                    textDocument: { uri },
                    position: { line: 47, character: 40 }
                });
                await conn.sendRequest('shutdown');
                await conn.sendNotification('exit');
                await exited;
            })(),
            timeout
        ]);
    } catch (e) {
        console.warn(`thidua: the server code cache was not written (${e.message})`);
        proc.kill();
    } finally {
        conn.dispose();
    }
}

// The CLI reads Word files (mammoth) only for `thidua import`: it is loaded from node_modules then, so that the
// other commands do not read and compile it at every start.
// The bundle runs as a vm script (bin/code-cache.cjs), which has no import(): esbuild writes it as require().
const cli = {
    ...options,
    entryPoints: { cli: options.entryPoints.cli },
    external: [...options.external, 'mammoth', 'jszip'],
    supported: { 'dynamic-import': false }
};
const others = {
    ...options,
    entryPoints: { server: options.entryPoints.server, extension: options.entryPoints.extension }
};

if (watch) {
    await (await esbuild.context(cli)).watch();
    await (await esbuild.context(others)).watch();
} else {
    await Promise.all([esbuild.build(cli), esbuild.build(others)]);
    cliCodeCache();
    await serverCodeCache();
}
