import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import type { CompletionItem } from 'vscode-languageserver';
import { render } from '../../src/generate/render.js';
import { formatThidua } from '../../src/language/syntax/format-text.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { CHECK_FAILED } from '../../src/language/validation/thidua-validation-registry.js';
import type { Model } from '../../src/language/generated/ast.js';
import { rng } from '../bench/generate.js';
import JSZip from 'jszip';
import { TextDocument } from 'langium';
import { decodeText } from '../../src/domain/encoding.js';
import { XML_INVALID } from '../../src/domain/xml-chars.js';
import { ThiduaTextDocuments } from '../../src/language/workspace/thidua-text-documents.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
export const seeds = readdirSync(EXAMPLES)
    .filter(f => f.endsWith('.thidua'))
    .map(f => readFileSync(join(EXAMPLES, f), 'utf8'));

const NASTY = [
    '[',
    ']',
    '{',
    '}',
    '\\',
    '*',
    '**',
    '“',
    '”',
    '\u0301',
    '\u0323',
    '\u0300',
    '\u200b',
    '\ufeff',
    '\r',
    '\r\n',
    '\t',
    '\u00a0',
    'I.',
    '1.',
    '1)',
    'a)',
    '- ',
    'Số: ',
    'Nơi nhận:',
    'TM. ',
    'CHỈ THỊ',
    '{#',
    '{@',
    '[Chỉ thị số ',
    '34-CT/TW',
    '/KH-UBND',
    'ngày 31/02/2023',
    '{Từ nay đến hết ngày ',
    '{kỷ niệm 20 năm (',
    '22,400',
    '1.571,822',
    '💥',
    '\u0000',
    'ﬀ',
    'İ'
];

const XML_BAD = ['\u0001', '\u0008', '\u000b', '\u001f', '\ufffe', '\uffff', '\ud800', '\udc00', '\u0000'];

/**
 * Mutations of a text: byte flips, deletions, truncations at structural points, duplicated blocks, odd Unicode, NFD,
 * long lines, deep nesting.
 */
export function mutate(text: string, r: () => number): string {
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const at = () => Math.floor(r() * (text.length + 1));
    const structural = () => {
        const points = [...text.matchAll(/\n|\[|\]|\{|\}|: /g)].map(m => m.index);
        return points.length ? pick(points) : at();
    };
    switch (Math.floor(r() * 13)) {
        // Code points a Word file cannot hold (XML 1.0): controls, non-characters, lone surrogates.
        case 10: {
            let t = text;
            for (let k = 0; k < 4; k++) {
                const i = Math.floor(r() * (t.length + 1));
                t = t.slice(0, i) + pick(XML_BAD) + t.slice(i);
            }
            return t;
        }
        // A long run of closing (or mixed) brackets on one line.
        case 11: {
            const i = structural();
            return (
                text.slice(0, i) +
                pick(['}', ']', '}]', '[{}]', ')]}']).repeat(2000 + Math.floor(r() * 8000)) +
                text.slice(i)
            );
        }
        case 0: {
            const i = at();
            return (
                text.slice(0, i) +
                String.fromCharCode((text.charCodeAt(i) || 65) ^ (1 << Math.floor(r() * 7))) +
                text.slice(i + 1)
            );
        }
        case 1: {
            const i = at();
            return text.slice(0, i) + text.slice(i + 1 + Math.floor(r() * 40));
        }
        case 2:
            return text.slice(0, structural());
        case 3: {
            const i = structural(),
                j = Math.min(text.length, i + Math.floor(r() * 400));
            return text.slice(0, j) + text.slice(i, j) + text.slice(j);
        }
        case 4: {
            let t = text;
            for (let k = 0; k < 5; k++) {
                const i = Math.floor(r() * (t.length + 1));
                t = t.slice(0, i) + pick(NASTY) + t.slice(i);
            }
            return t;
        }
        case 5:
            return text.normalize('NFD');
        case 6: {
            const i = structural();
            return text.slice(0, i) + 'x'.repeat(5000 + Math.floor(r() * 60000)) + text.slice(i);
        }
        case 7: {
            const i = structural();
            return (
                text.slice(0, i) +
                '\n' +
                Array.from({ length: 300 }, (_, k) => `${'1.'.repeat(1 + (k % 4))} ${'{'.repeat(k % 3)}mục ${k}`).join(
                    '\n'
                ) +
                text.slice(i)
            );
        }
        case 8: {
            const i = structural();
            return text.slice(0, i) + '[' + '['.repeat(Math.floor(r() * 50)) + '{' + text.slice(i);
        }
        case 12:
            return text.replace(/\n/g, () => (r() < 0.3 ? '\r\n' : '\n'));
        default: {
            const i = structural();
            return (
                text.slice(0, i) +
                String.fromCodePoint(...Array.from({ length: 30 }, () => Math.floor(r() * 0x2fff))) +
                text.slice(i)
            );
        }
    }
}

export interface FuzzResult {
    ms: number;
    failures: string[];
}

/**
 * Parse, all checks, completion, hover, formatting, export (text, HTML, Word — its XML read back), the file reader
 * (UTF-16, BOM) and the editor's versioned edits, of one text.
 */
export async function exercise(text: string, r: () => number): Promise<FuzzResult> {
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const failures: string[] = [];
    const t0 = performance.now();
    const guard = async (stage: string, f: () => unknown) => {
        try {
            await f();
        } catch (e) {
            failures.push(`${stage}: ${(e as Error).stack ?? e}`);
        }
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
            const list = await Thidua.lsp.CompletionProvider!.getCompletion(doc, {
                textDocument,
                position: position()
            });
            (list?.items ?? []).forEach((i: CompletionItem) => {
                if (typeof i.label !== 'string') throw new Error('bad item');
            });
        });
        await guard('hover', () =>
            Thidua.lsp.HoverProvider!.getHoverContent(doc, { textDocument, position: position() })
        );
    }
    await guard('format', () => {
        const out = formatThidua(text, Thidua.parser.Lexer);
        if (out.replace(/\s+/g, '') !== text.replace(/\s+/g, ''))
            throw new Error('formatting changed a non-whitespace character');
    });
    const root = doc.parseResult.value;
    for (const format of ['txt', 'html', 'docx'] as const) {
        await guard(`export ${format}`, async () => {
            const out = await render(root, format);
            // Every part of a Word file is XML 1.0 (it opens in Word and LibreOffice).
            if (typeof out !== 'string') {
                const zip = await JSZip.loadAsync(out);
                for (const name of Object.keys(zip.files).filter(f => f.endsWith('.xml'))) {
                    if (new RegExp(XML_INVALID.source).test(await zip.file(name)!.async('string')))
                        throw new Error(`${name}: a character XML cannot hold`);
                }
            }
        });
    }
    // The file as an office saves it: UTF-16 with a BOM, a BOM, CRLF; read back by the one reader, same text.
    await guard('read', () => {
        const clean = text.replace(/[\u0000\uD800-\uDFFF]/g, '');
        for (const bytes of [
            Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')]),
            Buffer.from('\ufeff' + clean, 'utf8')
        ]) {
            const read = decodeText(bytes);
            if (!('text' in read)) continue;
            if (read.text.replace(/^\ufeff/, '') !== clean.replace(/^\ufeff/, ''))
                throw new Error('the reader changed the text');
        }
    });
    // The editor's edits: incremental changes, some repeated or late; only newer versions apply.
    const log = console.error;
    console.error = () => undefined;
    await guard('versions', () => {
        const docs = new ThiduaTextDocuments();
        const update = (docs as unknown as { _configuration: { update: typeof TextDocument.update } })._configuration
            .update;
        let current = TextDocument.create('file:///fuzz/v.thidua', 'thidua', 1, text);
        let expected = text;
        for (let v = 2; v < 12; v++) {
            // Offsets as the document reads them (never inside a "\r\n").
            const at = (o: number) => current.offsetAt(current.positionAt(o));
            const a = at(Math.floor(r() * (expected.length + 1))),
                b = Math.max(a, at(Math.min(expected.length, a + Math.floor(r() * 20))));
            const insert = pick(NASTY.filter(x => !x.includes('\r')));
            const change = { range: { start: current.positionAt(a), end: current.positionAt(b) }, text: insert };
            if (r() < 0.3) current = update(current, [change], v - 1 - Math.floor(r() * 2));
            current = update(current, [change], v);
            expected = expected.slice(0, a) + insert + expected.slice(b);
            if (current.getText() !== expected || current.version !== v)
                throw new Error(`version ${v}: the text went astray`);
        }
    });
    console.error = log;
    return { ms: performance.now() - t0, failures };
}

export { rng };
