import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/generate/render.js';
import { layout, pageTexts } from '../../src/generate/layout.js';
import { isDocument, type Model } from '../../src/language/generated/ast.js';
import { loadExamples } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tools = ['soffice', 'pdftotext', 'pdffonts', 'pdftoppm'];
const missing = tools.filter(t => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
// Under CI a missing tool is a failure, not a skip (.ci/run installs libreoffice-writer, fonts-liberation2,
// poppler-utils).
const run = missing.length === 0 || process.env.CI === 'true' ? test : test.skip;

const sh = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    return r.stdout;
};

interface Word {
    text: string;
    x: number;
    y: number;
}
function words(pdf: string, page: number): { width: number; words: Word[] } {
    const html = sh('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-']);
    const width = Number(/<page width="([\d.]+)"/.exec(html)![1]);
    const list = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map(m => ({
        x: Number(m[1]),
        y: Number(m[2]),
        text: m[3]
    }));
    return { width, words: list };
}

describe('the .docx rendered by LibreOffice (PDF checked with poppler)', () => {
    run(
        'every example: full text with diacritics, one serif font, and the NĐ 30 layout on the page',
        async () => {
            expect(missing, `missing tools: ${missing.join(', ')}`).toEqual([]);
            const dir = mkdtempSync(join(tmpdir(), 'thidua-render-'));
            const examples = [...(await loadExamples()).entries()].filter(([, d]) => isDocument(d.parseResult.value));
            const roots = new Map<string, Model>();
            for (const [name, doc] of examples) {
                const base = name.replace(/\.thidua$/, '');
                writeFileSync(join(dir, `${base}.docx`), await render(doc.parseResult.value, 'docx'));
                roots.set(base, doc.parseResult.value);
            }
            sh('soffice', [
                `-env:UserInstallation=file://${dir}/profile`,
                '--headless',
                '--convert-to',
                'pdf',
                '--outdir',
                dir,
                ...[...roots.keys()].map(b => join(dir, `${b}.docx`))
            ]);
            const outDir = join(ROOT, 'out', 'render');
            mkdirSync(outDir, { recursive: true });
            for (const [base, root] of roots) {
                const pdf = join(dir, `${base}.pdf`);
                // The text: every character of the document, in order (-raw keeps a hyphen at a line break); the only
                // extra lines are the
                // page numbers at the top of a page (a number alone in a table cell stays).
                const text = sh('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'])
                    .split('\f')
                    .map(page =>
                        page
                            .split('\n')
                            .filter((l, i) => !(i === 0 && /^\s*\d+\s*$/.test(l)))
                            .join('')
                    )
                    .join('');
                expect(text.replace(/\s+/g, ''), base).toBe(pageTexts(layout(root)).join('').replace(/\s+/g, ''));
                // One serif family for everything (Liberation Serif stands in for Times New Roman and has every
                // Vietnamese letter).
                const fonts = sh('pdffonts', [pdf])
                    .split('\n')
                    .slice(2)
                    .filter(Boolean)
                    .map(l => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
                expect(fonts.length, base).toBeGreaterThan(0);
                for (const f of fonts) expect(f, base).toMatch(/^LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
                // An annex in a file of its own has no header: its first page starts with "PHỤ LỤC".
                const page = layout(root);
                if (!page.header.right.length) {
                    expect(
                        words(pdf, 1)
                            .words.slice(0, 2)
                            .map(w => w.text)
                            .join(' '),
                        base
                    ).toBe(page.annexes[0].heading.text);
                    continue;
                }
                // Page 1: header (left: agency/number, right: Quốc hiệu) above the title above the body.
                const p1 = words(pdf, 1);
                const first = (t: string) => p1.words.find(w => w.text === t);
                const quocHieu = first('CỘNG')!;
                expect(quocHieu.x, base).toBeGreaterThan(p1.width * 0.4);
                const so = first('Số:') ?? first('Số:12/CT-UBND');
                if (so) {
                    expect(so.x, base).toBeLessThan(p1.width * 0.4);
                    expect(so.y, base).toBeGreaterThanOrEqual(quocHieu.y - 2);
                }
                const kind = layout(root).title[0]?.text.split(' ')[0];
                const bodyFirst = layout(root).body[0].text.split(' ')[0];
                const bodyWord = p1.words.filter(w => w.text === bodyFirst).find(w => w.y > quocHieu.y + 40)!;
                if (kind) {
                    const title = first(kind)!;
                    expect(title.y, base).toBeGreaterThan(quocHieu.y);
                    expect(Math.abs(title.x + 20 - p1.width / 2), base).toBeLessThan(p1.width * 0.2);
                    expect(bodyWord.y, base).toBeGreaterThan(title.y);
                }
                expect(bodyWord, base).toBeDefined();
                // The last page: Nơi nhận on the left, the signature on the right.
                const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))![1]);
                const footer = layout(root).footer;
                if (footer.left.length) {
                    // The page with the signature: the last one, or the last before the annexes.
                    const signed = Array.from({ length: pages }, (_, i) => pages - i).find(p =>
                        words(pdf, p).words.some(w => w.text === 'Nơi')
                    )!;
                    const last = words(pdf, signed);
                    const noi = last.words.find(w => w.text === 'Nơi')!;
                    expect(noi.x, base).toBeLessThan(last.width * 0.3);
                    const signer = footer.right.at(-1)!.text.split(' ').at(-1)!;
                    const name = last.words.filter(w => w.text === signer).at(-1)!;
                    expect(name.x, base).toBeGreaterThan(last.width * 0.5);
                    expect(name.y, base).toBeGreaterThan(noi.y);
                }
                // Each annex starts a page of its own: its heading is the first line of a page (under the page number).
                for (const annex of page.annexes) {
                    const starts = Array.from({ length: pages }, (_, i) =>
                        words(pdf, i + 1).words.filter(w => !/^\d+$/.test(w.text))
                    ).map(ws =>
                        ws
                            .slice(0, annex.heading.text.split(' ').length)
                            .map(w => w.text)
                            .join(' ')
                    );
                    expect(starts, base).toContain(annex.heading.text);
                }
                sh('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(outDir, base)]);
                console.log(`page 1 of ${base}: ${join(outDir, `${base}.png`)}`);
            }
            expect(readdirSync(outDir).filter(f => f.endsWith('.png')).length).toBeGreaterThanOrEqual(7);
        },
        180_000
    );
});
