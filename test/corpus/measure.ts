import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { importFile } from '../../src/cli/import.js';
import { generateText } from '../../src/generate/text.js';
import { isKindTitle } from '../../src/import/lines.js';
import type { Model } from '../../src/language/generated/ast.js';
import { codeOf, workspace } from '../helpers.js';

export const REAL = join(import.meta.dirname, '..', 'fixtures', 'real');

export interface Counts {
    indicators: number;
    citations: number;
    periods_dates: number;
}
export const handCounts: Record<string, Counts & { notes: string }> = JSON.parse(
    readFileSync(join(REAL, 'counts.json'), 'utf8')
);
/** The diagnostics read one by one on the corpus and found true: code → [count, reason] per file. */
export const pinned: Record<string, Record<string, [number, string]>> = JSON.parse(
    readFileSync(join(REAL, 'findings.json'), 'utf8')
).findings;
export const sets: Record<string, string> = Object.fromEntries(
    readFileSync(join(REAL, 'SOURCES.md'), 'utf8')
        .split('\n')
        .filter(l => /^\| [0-9]{2}-/.test(l))
        .map(l => l.split('|').map(c => c.trim()))
        .map(c => [c[1], c[6]])
);

export function realFiles(): string[] {
    return readdirSync(REAL)
        .filter(f => /^[0-9]{2}-.*\.(txt|docx|doc)$/.test(f))
        .sort();
}

const words = (s: string) =>
    s
        .normalize('NFC')
        .replace(/[|*#_`>]+/g, ' ')
        .split(/\s+/)
        .map(w => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
        .filter(w => /\p{L}|\p{N}/u.test(w));

/**
 * The share of the source's words found in the output in the same order: the longest common subsequence (Myers).
 * The page's two-column header (before the kind's title) has no one reading order: its words count when present.
 */
export function wordsInOrder(source: string, output: string): number {
    // The header ends at the kind's title, or after the place and date line.
    const lines = source.split('\n');
    const kind = lines.findIndex(l => isKindTitle(l.replace(/[*#]/g, '').trim()));
    const place = lines.findIndex(l => /^[^,]{1,60}, ngày\s[^\n]*năm/u.test(l.replace(/[*#]/g, '').trim()));
    const title = Math.min(...[kind, place < 0 ? -1 : place + 1].filter(i => i > 0), Infinity);
    const head = title < 60 ? words(lines.slice(0, title).join('\n')) : [];
    const all = words(source);
    const found = words(output);
    const pool = new Map<string, number>();
    for (const w of found) pool.set(w, (pool.get(w) ?? 0) + 1);
    let headKept = 0;
    for (const w of head)
        if ((pool.get(w) ?? 0) > 0) {
            pool.set(w, pool.get(w)! - 1);
            headKept++;
        }
    const body = all.slice(head.length);
    return (headKept + inOrder(body, found) * body.length) / Math.max(1, all.length);
}

function inOrder(a: string[], b: string[]): number {
    if (!a.length) return 1;
    const n = a.length,
        m = b.length,
        max = n + m,
        offset = max + 1;
    const v = new Int32Array(2 * max + 3);
    for (let d = 0; d <= max; d++) {
        for (let k = -d; k <= d; k += 2) {
            let x =
                k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) return (n + m - d) / 2 / n;
        }
    }
    return 0;
}

/** The source's own text: a web copy as it is; a Word file as mammoth or LibreOffice reads its text. */
export async function sourceText(file: string): Promise<string> {
    const path = join(REAL, file);
    if (file.endsWith('.txt')) return readFileSync(path, 'utf8');
    let bytes = readFileSync(path);
    if (file.endsWith('.doc')) {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-corpus-'));
        spawnSync(
            'soffice',
            [
                `-env:UserInstallation=file://${dir}/profile`,
                '--headless',
                '--convert-to',
                'docx',
                '--outdir',
                dir,
                path
            ],
            { env: { ...process.env, HOME: dir } }
        );
        bytes = readFileSync(join(dir, file.replace(/\.doc$/, '.docx')));
        rmSync(dir, { recursive: true, force: true });
    }
    // Each paragraph and table cell apart (the raw text runs cells together: "NAMĐộc lập").
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    return html
        .replace(/<\/(?:p|td|th|li|h[1-6])>|<br\s*\/?>/g, '\n')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
}

export interface Measured {
    file: string;
    set: string;
    parses: boolean;
    kept: number;
    demoted: number;
    typed: Counts;
    hand?: Counts;
    diagnostics: Record<string, number>;
    /** The LSP severity of each code found (1 error, 2 warning, 3 information, 4 hint). */
    severity: Record<string, number>;
}

const io = { out: () => undefined, err: () => undefined };

export async function measure(file: string): Promise<Measured> {
    const result = await importFile(join(REAL, file), io);
    const { docs } = await workspace({ 'doc.thidua': result.text });
    const doc = docs.get('doc.thidua')!;
    const parses = !doc.parseResult.lexerErrors.length && !doc.parseResult.parserErrors.length;
    // The site's lines kept as comments stand where they stood: before the document, or after it.
    const lines = result.text.split('\n');
    const first = lines.findIndex(l => l.trim() && !l.startsWith('//'));
    const before = lines.slice(0, Math.max(first, 0)).filter(l => l.startsWith('//'));
    const after = lines.slice(Math.max(first, 0)).filter(l => l.startsWith('//'));
    const output = [...before, generateText(doc.parseResult.value as Model), ...after].join('\n');
    const kept = wordsInOrder(await sourceText(file), output);
    const diagnostics: Record<string, number> = {};
    const severity: Record<string, number> = {};
    for (const d of doc.diagnostics ?? []) {
        diagnostics[codeOf(d)] = (diagnostics[codeOf(d)] ?? 0) + 1;
        severity[codeOf(d)] = d.severity ?? 1;
    }
    const s = result.stats;
    return {
        file,
        set: sets[file] ?? '',
        parses,
        kept,
        demoted: result.demoted,
        typed: { indicators: s.indicators, citations: s.citations, periods_dates: s.dates },
        hand: handCounts[file],
        diagnostics,
        severity
    };
}
