// npm run web: the drafting page as static files in dist/web/ (no server code; every asset bundled, no CDN).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const out = 'dist/web';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
    entryPoints: {
        page: 'src/web/page.ts',
        worker: 'src/web/worker.ts',
        'editor.worker': 'monaco-editor/editor/editor.worker.js'
    },
    outdir: out,
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
