import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import type { CompletionItem } from 'vscode-languageserver';
import { render } from '../../src/generate/render.js';
import { formatThidua } from '../../src/language/lsp/thidua-formatter.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { CHECK_FAILED } from '../../src/language/thidua-validation-registry.js';
import type { Model } from '../../src/language/generated/ast.js';
import { rng } from '../bench/generate.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
export const seeds = readdirSync(EXAMPLES).filter(f => f.endsWith('.thidua')).map(f => readFileSync(join(EXAMPLES, f), 'utf8'));

const NASTY = ['[', ']', '{', '}', '\\', '*', '**', '“', '”', '\u0301', '\u0323', '\u0300', '\u200b', '\ufeff', '\r', '\r\n', '\t', '\u00a0',
    'I.', '1.', '1)', 'a)', '- ', 'Số: ', 'Nơi nhận:', 'TM. ', 'CHỈ THỊ', '{#', '{@', '[Chỉ thị số ', '34-CT/TW', '/KH-UBND', 'ngày 31/02/2023',
    '{Từ nay đến hết ngày ', '{kỷ niệm 20 năm (', '22,400', '1.571,822', '💥', '\u0000', 'ﬀ', 'İ'];

/** Mutations of a text: byte flips, deletions, truncations at structural points, duplicated blocks, odd Unicode, NFD, long lines, deep nesting. */
export function mutate(text: string, r: () => number): string {
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const at = () => Math.floor(r() * (text.length + 1));
    const structural = () => {
        const points = [...text.matchAll(/\n|\[|\]|\{|\}|: /g)].map(m => m.index);
        return points.length ? pick(points) : at();
    };
    switch (Math.floor(r() * 10)) {
        case 0: { const i = at(); return text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) || 65) ^ (1 << Math.floor(r() * 7))) + text.slice(i + 1); }
        case 1: { const i = at(); return text.slice(0, i) + text.slice(i + 1 + Math.floor(r() * 40)); }
        case 2: return text.slice(0, structural());
        case 3: { const i = structural(), j = Math.min(text.length, i + Math.floor(r() * 400)); return text.slice(0, j) + text.slice(i, j) + text.slice(j); }
        case 4: { let t = text; for (let k = 0; k < 5; k++) { const i = Math.floor(r() * (t.length + 1)); t = t.slice(0, i) + pick(NASTY) + t.slice(i); } return t; }
        case 5: return text.normalize('NFD');
        case 6: { const i = structural(); return text.slice(0, i) + 'x'.repeat(5000 + Math.floor(r() * 60000)) + text.slice(i); }
        case 7: { const i = structural(); return text.slice(0, i) + '\n' + Array.from({ length: 300 }, (_, k) => `${'1.'.repeat(1 + (k % 4))} ${'{'.repeat(k % 3)}mục ${k}`).join('\n') + text.slice(i); }
        case 8: { const i = structural(); return text.slice(0, i) + '[' + '['.repeat(Math.floor(r() * 50)) + '{' + text.slice(i); }
        default: { const i = structural(); return text.slice(0, i) + String.fromCodePoint(...Array.from({ length: 30 }, () => Math.floor(r() * 0x2fff))) + text.slice(i); }
    }
}

export interface FuzzResult { ms: number; failures: string[] }

/** Parse, all checks, completion, hover, formatting and export (text, HTML, Word) of one text. */
export async function exercise(text: string, r: () => number): Promise<FuzzResult> {
    const failures: string[] = [];
    const t0 = performance.now();
    const guard = async (stage: string, f: () => unknown) => {
        try { await f(); } catch (e) { failures.push(`${stage}: ${(e as Error).stack ?? e}`); }
    };
    const { shared, Thidua } = createThiduaServices(EmptyFileSystem);
    const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file('/fuzz/doc.thidua'));
    shared.workspace.LangiumDocuments.addDocument(doc);
    await guard('build', () => shared.workspace.DocumentBuilder.build([doc], { validation: true }));
    for (const d of doc.diagnostics ?? []) {
        const data = d.data as { code?: string; detail?: string } | undefined;
        if (data?.code === CHECK_FAILED) failures.push(`check: ${data.detail}`);
    }
    const position = () => doc.textDocument.positionAt(Math.floor(r() * (text.length + 1)));
    const textDocument = { uri: doc.uri.toString() };
    for (let k = 0; k < 3; k++) {
        await guard('completion', async () => {
            const list = await Thidua.lsp.CompletionProvider!.getCompletion(doc, { textDocument, position: position() });
            (list?.items ?? []).forEach((i: CompletionItem) => { if (typeof i.label !== 'string') throw new Error('bad item'); });
        });
        await guard('hover', () => Thidua.lsp.HoverProvider!.getHoverContent(doc, { textDocument, position: position() }));
    }
    await guard('format', () => {
        const out = formatThidua(text, Thidua.parser.Lexer);
        if (out.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) throw new Error('formatting changed a non-whitespace character');
    });
    const root = doc.parseResult.value;
    for (const format of ['txt', 'html', 'docx'] as const) await guard(`export ${format}`, () => render(root, format));
    return { ms: performance.now() - t0, failures };
}

export { rng };
