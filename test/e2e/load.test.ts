import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateDocument } from '../bench/generate.js';
import { CancellationTokenSource, initialize, pathToFileURL, rssMb, startServer } from '../bench/lsp-client.js';
import { codeOf, exampleTexts, workspace } from '../helpers.js';

interface Diag {
    range: { start: { line: number; character: number } };
    data?: unknown;
}
const key = (d: Diag) => `${d.range.start.line}:${d.range.start.character}:${codeOf(d)}`;

describe('the language server under load (stdio, a real JSON-RPC client)', () => {
    test('5,000 edits as fast as possible, with cancelled requests: final diagnostics equal a fresh check; memory comes back', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-load-'));
        cpSync(join(import.meta.dirname, '..', '..', 'examples'), dir, { recursive: true });
        const file = join(dir, 'lon.thidua');
        let text = generateDocument(1_000, 5);
        writeFileSync(file, text);
        const server = startServer(dir);
        try {
            await initialize(server, dir);
            const uri = pathToFileURL(file).toString();
            let latest: Diag[] = [];
            let publishes = 0;
            const track = () =>
                server.nextDiagnostics(uri).then(d => {
                    latest = d as Diag[];
                    publishes++;
                    track();
                });
            track();
            server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
            for (let i = 0; i < 300 && publishes === 0; i++) await new Promise(r => setTimeout(r, 50));
            const before = rssMb(server.pid);

            const lines = text.split('\n');
            const row = lines.findIndex(l => /^1\. /.test(l));
            const words = ['chỉ trì ', 'x', 'kỷ niệm ', '2021-2015 ', '{', '}'];
            for (let version = 2; version <= 5_001; version++) {
                const line = lines[row];
                let change;
                if (version % 2 === 0) {
                    const w = words[version % words.length];
                    lines[row] = line.slice(0, 3) + w + line.slice(3);
                    change = {
                        range: { start: { line: row, character: 3 }, end: { line: row, character: 3 } },
                        text: w
                    };
                } else {
                    const removed = lines[row].slice(3).startsWith(words[(version - 1) % words.length])
                        ? words[(version - 1) % words.length].length
                        : 0;
                    lines[row] = line.slice(0, 3) + line.slice(3 + removed);
                    change = {
                        range: { start: { line: row, character: 3 }, end: { line: row, character: 3 + removed } },
                        text: ''
                    };
                }
                server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
                if (version % 50 === 0) {
                    const cancel = new CancellationTokenSource();
                    void server
                        .request(
                            'textDocument/completion',
                            { textDocument: { uri }, position: { line: row, character: 5 } },
                            cancel
                        )
                        .catch(() => undefined);
                    cancel.cancel();
                }
            }
            // A last edit leaves a mistake in, so that the final diagnostics differ from the first ones.
            const last = 'Phòng Nội vụ chỉ trì ';
            lines[row] = lines[row].slice(0, 3) + last + lines[row].slice(3);
            server.notify('textDocument/didChange', {
                textDocument: { uri, version: 5_002 },
                contentChanges: [
                    { range: { start: { line: row, character: 3 }, end: { line: row, character: 3 } }, text: last }
                ]
            });
            text = lines.join('\n');
            const published = publishes;
            for (
                let i = 0;
                i < 1200 &&
                !(
                    publishes > published &&
                    latest.some(d => codeOf(d) === 'sai-chinh-ta' && d.range.start.line === row)
                );
                i++
            )
                await new Promise(r => setTimeout(r, 100));
            // Settle: no new diagnostics for two seconds.
            let seen = -1;
            for (let i = 0; i < 60 && seen !== publishes; i++) {
                seen = publishes;
                await new Promise(r => setTimeout(r, 2000));
            }
            // The heap shrinks when the collector next runs on the idle server: the lowest RSS over up to 20 s.
            let after = rssMb(server.pid);
            for (let i = 0; i < 40 && after >= before * 1.5 + 80; i++) {
                await new Promise(r => setTimeout(r, 500));
                after = Math.min(after, rssMb(server.pid));
            }

            const fresh = await workspace({ ...exampleTexts(), 'lon.thidua': text });
            const expected = (fresh.docs.get('lon.thidua')!.diagnostics ?? []).filter(
                d => codeOf(d) !== 'trich-dan-mau-thuan'
            ) as Diag[];
            expect(latest.some(d => codeOf(d) === 'sai-chinh-ta' && d.range.start.line === row)).toBe(true);
            expect(latest.map(key).sort()).toEqual(expected.map(key).sort());
            console.log(
                `load: ${publishes} diagnostics publications for 5,000 edits; RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after`
            );
            expect(after).toBeLessThan(before * 1.5 + 80);
            // A burst of edits is checked as one: a rebuild per queued edit would take minutes.
            expect(publishes).toBeLessThan(1000);
        } finally {
            await server.close();
        }
    }, 300_000);
});
