// npm run web: the drafting page as static files in dist/web/ (no server code; every asset bundled, no CDN).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const out = 'dist/web';

/**
 * Monaco's labels in Vietnamese: Monaco looks each label up by its number in `_VSCODE_NLS_MESSAGES` (English when
 * a number has no entry). The numbers of this release are read from its sources, by the English text.
 */
function vietnameseLabels() {
    const { labels } = JSON.parse(readFileSync('src/web/monaco-vi.json', 'utf8'));
    const numbers = new Map();
    const walk = dir => {
        for (const f of readdirSync(dir)) {
            const p = join(dir, f);
            if (statSync(p).isDirectory()) walk(p);
            else if (p.endsWith('.js'))
                for (const m of readFileSync(p, 'utf8').matchAll(/localize2?\((\d+), (["'])((?:(?!\2)[^\\]|\\.)*)\2/g))
                    numbers.set(m[3], [...(numbers.get(m[3]) ?? []), Number(m[1])]);
        }
    };
    walk('node_modules/monaco-editor/esm/vs');
    const messages = {};
    for (const [english, vietnamese] of Object.entries(labels))
        for (const n of numbers.get(english) ?? []) messages[n] = vietnamese;
    return (
        `(()=>{const m=[],t=${JSON.stringify(messages)};for(const k in t)m[+k]=t[k];` +
        "globalThis._VSCODE_NLS_MESSAGES=m;globalThis._VSCODE_NLS_LANGUAGE='vi'})();"
    );
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
    entryPoints: {
        page: 'src/web/page.ts',
        worker: 'src/web/worker.ts',
        tasks: 'src/web/tasks-worker.ts',
        'editor.worker': 'monaco-editor/editor/editor.worker.js'
    },
    outdir: out,
    banner: { js: vietnameseLabels() },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'external',
    loader: { '.ttf': 'file' },
    alias: {
        // The language's Node-only helpers (forced garbage collection) do nothing in a browser.
        'node:v8': './src/web/node-stubs.ts',
        'node:vm': './src/web/node-stubs.ts',
        // Monaco's own LSP client, without the languages the package's main entry registers.
        'monaco-lsp-client': './node_modules/monaco-editor/esm/external/monaco-lsp-client/out/index.js'
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning'
});
copyFileSync('src/web/index.html', `${out}/index.html`);

// The VS Code extension's entry in VS Code for the Web, and its server: the page's worker.
await esbuild.build({
    // ".js": VS Code for the Web loads an entry whose name does not end in ".js" with ".js" added.
    entryPoints: { 'extension-web': 'src/extension/browser.ts' },
    outdir: 'dist',
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    external: ['vscode'],
    logLevel: 'warning'
});
copyFileSync(`${out}/worker.js`, 'dist/web-server.js');
