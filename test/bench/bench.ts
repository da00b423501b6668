// npm run bench — figures against their targets; a benchmark, never a test: it does not fail on a time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { render } from '../../src/cli/export.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import type { Model } from '../../src/language/generated/ast.js';
import { generateDocument, registry } from './generate.js';
import { initialize, rssMb, startServer } from './lsp-client.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out', 'bench');
interface Figure { name: string; unit: string; median: number; p95: number; target?: string; met?: boolean; samples: number[] }
const figures: Figure[] = [];

function quantile(xs: number[], q: number): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

function record(name: string, samples: number[], unit: string, target?: { max: number; label: string; on?: 'median' | 'p95' }): Figure {
    const f: Figure = { name, unit, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), samples };
    if (target) {
        f.target = target.label;
        f.met = (target.on === 'median' ? f.median : f.p95) <= target.max;
    }
    figures.push(f);
    const fmt = (v: number) => (unit === 'ms' || unit === 's' || unit === 'MB' ? v.toFixed(unit === 's' ? 2 : 1) : v.toFixed(3));
    console.log(`${name.padEnd(58)} median ${fmt(f.median).padStart(9)} ${unit}  p95 ${fmt(f.p95).padStart(9)} ${unit}${target ? `   target ${target.label}: ${f.met ? 'met' : 'MISSED'}` : ''}`);
    return f;
}

async function timeIt(fn: () => unknown | Promise<unknown>, runs: number, warmup = 1): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await fn();
        out.push(performance.now() - t);
    }
    return out;
}

/** Full check of a document the services have never seen (fresh services: no remembered line or value); returns ms. */
async function fullCheck(text: string, edited?: string, validation = true): Promise<number> {
    const { shared, Thidua } = createThiduaServices(EmptyFileSystem);
    void Thidua.parser.LangiumParser;
    const build = async (t: string, n: number) => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(t, URI.file(`/bench/doc${n}.thidua`));
        const reg = shared.workspace.LangiumDocumentFactory.fromString(registry(), URI.file(`/bench/so-van-ban${n}.thidua`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        shared.workspace.LangiumDocuments.addDocument(reg);
        await shared.workspace.DocumentBuilder.build([doc, reg], { validation });
        shared.workspace.LangiumDocuments.deleteDocument(doc.uri);
        shared.workspace.LangiumDocuments.deleteDocument(reg.uri);
    };
    let started = performance.now();
    await build(text, 0);
    if (edited === undefined) return performance.now() - started;
    // The same services check the document again after a one-line edit, as the editor does.
    started = performance.now();
    await build(edited, 1);
    return performance.now() - started;
}

async function timeRuns(fn: () => Promise<number>, runs: number, warmup = 1): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) out.push(await fn());
    return out;
}

function editOneLine(text: string): string {
    const lines = text.split('\n');
    const i = lines.findIndex((l, k) => k > lines.length / 2 && /^[0-9]+\. /.test(l));
    lines[i] += ' x';
    return lines.join('\n');
}

async function checkFigures(): Promise<void> {
    const services = createThiduaServices(EmptyFileSystem).Thidua;
    const text20k = generateDocument(20_000, 1);
    // Parse and full check alternate, and the ratio is taken per pair, so that the machine's noise cancels.
    const parses: number[] = [], fulls: number[] = [], ratios: number[] = [];
    await fullCheck(text20k);
    await fullCheck(text20k);
    for (let i = 0; i < 11; i++) {
        const t = performance.now();
        services.parser.LangiumParser.parse(text20k);
        parses.push(performance.now() - t);
        fulls.push(await fullCheck(text20k));
        ratios.push(fulls[i] / parses[i]);
    }
    record('1. parse only, 20,000 lines', parses, 'ms');
    record('1. full check (parse+link+all checks), 20,000 lines', fulls, 'ms', { max: 1000, label: '≤ 1000 ms', on: 'median' });
    record('1. ratio full check / parse (per pair)', ratios, 'x', { max: 1.5, label: '≤ 1.5', on: 'median' });
    // What parsing and linking cost without any check: the room the 1.5 ratio leaves to the checks.
    const unchecked = await timeRuns(() => fullCheck(text20k, undefined, false), 5);
    record('1. (floor) parse + link, no checks, 20,000 lines', unchecked, 'ms');
    record('1. (floor) ratio parse + link / parse', [quantile(unchecked, 0.5) / quantile(parses, 0.5)], 'x');
    record('1. (editor) full check again after a one-line edit, 20,000 lines', await timeRuns(() => fullCheck(text20k, editOneLine(text20k)), 5), 'ms');
    const perLine: { lines: number; us: number }[] = [];
    for (const lines of [1_000, 5_000, 20_000, 50_000]) {
        const text = generateDocument(lines, 2);
        const samples = await timeRuns(() => fullCheck(text), lines >= 50_000 ? 3 : 5);
        const f = record(`6. full check, ${lines.toLocaleString('en')} lines`, samples, 'ms');
        perLine.push({ lines, us: f.median * 1000 / lines });
    }
    for (const p of perLine) record(`6. per line at ${p.lines.toLocaleString('en')} lines`, [p.us], 'µs');
    const growth = perLine[perLine.length - 1].us / perLine[0].us;
    record('6. per-line growth 50k vs 1k (1 = linear)', [growth], 'x', { max: 1.5, label: '≤ 1.5 (no super-linear growth)', on: 'median' });
}

function workspaceFolder(documents: number, bigLines?: number): { folder: string; big?: string } {
    const folder = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
    writeFileSync(join(folder, 'so-van-ban.thidua'), registry());
    for (let i = 0; i < documents; i++) writeFileSync(join(folder, `vb-${String(i).padStart(4, '0')}.thidua`), generateDocument(100, 1000 + i, `d${i}_`));
    let big: string | undefined;
    if (bigLines) {
        big = join(folder, 'lon.thidua');
        writeFileSync(big, generateDocument(bigLines, 7));
    }
    return { folder, big };
}

async function lspFigures(): Promise<void> {
    // 2, 3: a 2,000-line document open in a 500-document workspace.
    const { folder, big } = workspaceFolder(500, 2_000);
    const server = startServer(folder);
    await initialize(server, folder);
    // Langium indexes the workspace at start and validates the documents that are opened.
    const uri = pathToFileURL(big!).toString();
    let text = readFileSync(big!, 'utf8');
    const opened = server.nextDiagnostics(uri);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
    await opened;
    const lines = text.split('\n');
    const target = lines.findIndex(l => l.startsWith('1. '));
    let version = 1;
    const keystroke = async () => {
        version++;
        const line = lines[target];
        const insert = version % 2 === 0 ? 'x' : '';
        lines[target] = line.replace(/x?$/, insert);
        const character = line.replace(/x$/, '').length;
        const next = server.nextDiagnostics(uri);
        server.notify('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: { line: target, character }, end: { line: target, character: line.length } }, text: insert }]
        });
        await next;
    };
    record('2. keystroke → diagnostics (2,000 lines, 500 documents)', await timeIt(keystroke, 40, 5), 'ms', { max: 50, label: 'p95 ≤ 50 ms' });
    text = lines.join('\n');
    const citeLine = lines.findIndex(l => l.includes('[Chỉ thị số 34-CT/TW'));
    const cite = { line: citeLine, character: lines[citeLine].indexOf('34-CT/TW') + 2 };
    const proseLine = lines.findIndex((l, i) => i > target && /^\d+\. /.test(l));
    record('3. completion latency', await timeIt(() => server.request('textDocument/completion', { textDocument: { uri }, position: { line: proseLine, character: 8 } }), 40, 5), 'ms', { max: 20, label: 'p95 ≤ 20 ms' });
    record('3. hover latency', await timeIt(() => server.request('textDocument/hover', { textDocument: { uri }, position: cite }), 40, 5), 'ms', { max: 20, label: 'p95 ≤ 20 ms' });
    await server.close();

    // 4: cold start of a 1,000-document workspace. The server checks an opened file as soon as the documents it can
    // link to are built, then indexes the rest: both moments are measured, the target applies to the later one
    // (workspace symbols find an id of the file indexed last).
    const cold = workspaceFolder(1_000);
    const firsts: number[] = [], indexed: number[] = [], rss: number[] = [];
    const first = join(cold.folder, 'vb-0000.thidua');
    const lastId = readdirSync(cold.folder).sort().reverse().map(f => /\{#([A-Za-z0-9_]+)/.exec(readFileSync(join(cold.folder, f), 'utf8'))?.[1]).find(Boolean)!;
    for (let i = 0; i < 3; i++) {
        const s = startServer(cold.folder);
        await initialize(s, cold.folder);
        const uri = pathToFileURL(first).toString();
        const opened = s.nextDiagnostics(uri);
        s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text: readFileSync(first, 'utf8') } });
        await opened;
        firsts.push(await s.firstDiagnostics);
        for (;;) {
            const symbols = await s.request<{ name: string }[] | null>('workspace/symbol', { query: lastId });
            if (symbols?.some(x => x.name === lastId)) break;
            await new Promise(r => setTimeout(r, 20));
        }
        indexed.push(s.elapsed());
        await new Promise(r => setTimeout(r, 500));
        rss.push(rssMb(s.pid));
        await s.close();
    }
    record('4. cold start: initialize, open one of 1,000 documents → its diagnostics', firsts.map(x => x / 1000), 's');
    record('4. cold start: initialize → all 1,000 documents indexed', indexed.map(x => x / 1000), 's', { max: 3, label: '≤ 3 s', on: 'median' });
    record('4. server memory (RSS) after it', rss, 'MB', { max: 300, label: '≤ 300 MB', on: 'median' });
}

async function exportFigures(): Promise<void> {
    const services = createThiduaServices(EmptyFileSystem);
    const seed = services.shared.workspace.LangiumDocumentFactory.fromString(readFileSync(join(ROOT, 'examples', '002-ke-hoach-tam-duong-20-nam.thidua'), 'utf8'), URI.file('/b/002.thidua'));
    services.shared.workspace.LangiumDocuments.addDocument(seed);
    await services.shared.workspace.DocumentBuilder.build([seed], {});
    record('5. export one seed-sized document to .docx, in process', await timeIt(() => render(seed.parseResult.value as Model, 'docx'), 30, 5), 'ms', { max: 30, label: 'median ≤ 30 ms', on: 'median' });
    const tmp = mkdtempSync(join(tmpdir(), 'thidua-bench-export-'));
    // The five examples made from the five seeds (the folder's registry is read for their citations, as always).
    const five = readdirSync(join(ROOT, 'examples')).filter(f => /^00\d-/.test(f)).map(f => join(ROOT, 'examples', f));
    const cli = await timeIt(() => { spawnSync(process.execPath, [join(ROOT, 'bin', 'thidua.cjs'), 'export', ...five, '--out', join(tmp, 'thidua')]); }, 9, 1);
    const f = record('5. CLI: export the five examples to .docx', cli, 'ms');
    if (spawnSync('sh', ['-c', 'command -v pandoc']).status === 0) {
        const seeds = readdirSync(join(ROOT, 'test', 'fixtures', 'seeds')).map(s => join(ROOT, 'test', 'fixtures', 'seeds', s));
        const pandoc = await timeIt(() => { for (const s of seeds) spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(tmp, 'p.docx'), s]); }, 9, 1);
        const p = record('5. pandoc: the five documents, Markdown → .docx', pandoc, 'ms');
        record('5. ratio thidua CLI / pandoc', [f.median / p.median], 'x', { max: 0.999, label: '< 1', on: 'median' });
    } else {
        console.log('5. pandoc is not installed (apt-get install pandoc): the ratio to pandoc is not measured');
    }
}

const started = performance.now();
console.log(`thidua benchmark — node ${process.version}, ${new Date().toISOString()}`);
// --only check|export|lsp runs one group.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (!only || only === 'check') await checkFigures();
if (!only || only === 'export') await exportFigures();
if (!only || only === 'lsp') await lspFigures();
mkdirSync(OUT, { recursive: true });
const file = join(OUT, only ? `bench-${only}.json` : 'bench.json');
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, figures: figures.map(({ samples, ...f }) => ({ ...f, samples })) }, null, 2));
console.log(`\n${figures.filter(f => f.met === false).length} of ${figures.filter(f => f.target).length} targets missed; ${((performance.now() - started) / 1000).toFixed(0)} s; figures in ${file}`);
