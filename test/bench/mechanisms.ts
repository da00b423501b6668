// Each speed mechanism of thidua against Langium's own services, at the sizes drafters have: the same language
// server with one mechanism put back (test/bench/stock-server.ts), measured as the editor uses it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { lastIndexedId, tablePlan, workspaceFolder } from './generate.js';
import { coldStartRun, initialize, startServer, typist } from './lsp-client.js';
import { quantile, record, timeIt } from './measure.js';
import { MECHANISMS } from './stock-server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out', 'bench');

async function bundle(): Promise<string> {
    await esbuild.build({
        entryPoints: { 'stock-server': join(import.meta.dirname, 'stock-server.ts') },
        outdir: OUT,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning'
    });
    return join(OUT, 'stock-server.cjs');
}

export async function mechanismFigures(): Promise<void> {
    const file = await bundle();
    // A 2,000-line document and a 300-line plan with a 150-row scoring table, open in a 500-document folder.
    const { folder, big } = workspaceFolder(500, 2_000);
    const plan = join(folder, 'bang-diem.thidua');
    writeFileSync(plan, tablePlan(150, 150, 3));
    const cold = workspaceFolder(2_000);
    const first = join(cold.folder, 'vb-0000.thidua');
    const lastId = lastIndexedId(cold.folder);

    const rows: string[][] = [];
    for (const variant of ['', ...Object.keys(MECHANISMS), 'all']) {
        const stock = variant === 'all' ? Object.keys(MECHANISMS).join(',') : variant;
        const entry = { file, env: { THIDUA_STOCK: stock } };
        const name = variant ? `Langium's ${variant}` : 'thidua';
        const server = startServer(folder, entry);
        await initialize(server, folder);
        const open = async (path: string) => {
            const uri = pathToFileURL(path).toString();
            const text = readFileSync(path, 'utf8');
            const opened = server.nextDiagnostics(uri);
            server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
            await opened;
            return { uri, lines: text.split('\n') };
        };
        const doc = await open(big!);
        const target = doc.lines.findIndex(l => l.startsWith('1. '));
        const keystroke = record(
            `M. ${name}: keystroke → diagnostics, 2,000 lines`,
            await timeIt(typist(server, doc.uri, doc.lines, target), 30, 5),
            'ms',
            { max: 50, label: 'p95 ≤ 50 ms' }
        );
        const proseLine = doc.lines.findIndex((l, i) => i > target && /^\d+\. /.test(l));
        const completion = record(
            `M. ${name}: completion`,
            await timeIt(
                () =>
                    server.request('textDocument/completion', {
                        textDocument: { uri: doc.uri },
                        position: { line: proseLine, character: 8 }
                    }),
                30,
                5
            ),
            'ms',
            { max: 20, label: 'p95 ≤ 20 ms' }
        );
        const table = await open(plan);
        const row = table.lines.findIndex(l => l.startsWith('| 5 | Tổ chức'));
        const cell = record(
            `M. ${name}: keystroke in a 150-row table, 300-line plan`,
            await timeIt(typist(server, table.uri, table.lines, row, table.lines[row].indexOf(' của ')), 30, 5),
            'ms',
            { max: 50, label: 'p95 ≤ 50 ms' }
        );
        await server.close();
        const start = await coldStartRun(cold.folder, first, lastId, entry);
        record(`M. ${name}: cold start, 2,000 documents indexed`, [start.indexed / 1000], 's');
        record(`M. ${name}: server memory after it`, [start.rss], 'MB', { max: 300, label: '≤ 300 MB', on: 'median' });
        const p95 = (f: { samples: number[] }) => quantile(f.samples, 0.95).toFixed(1);
        rows.push([
            name,
            p95(keystroke),
            p95(cell),
            p95(completion),
            (start.first / 1000).toFixed(2),
            (start.indexed / 1000).toFixed(2),
            start.rss.toFixed(0)
        ]);
    }
    console.log(
        '\n| services | keystroke p95, 2,000 lines (ms) | keystroke p95, 150-row table (ms) | completion p95 (ms) |' +
            ' cold start 2,000 docs: open file checked (s) | all indexed (s) | RSS (MB) |\n|---|---|---|---|---|---|---|'
    );
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
