// In the editor, unopened documents keep their index entries and digest, not their trees: every answer that reads
// other files must stay what it was when all trees were kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { CompletionItemKind, Diagnostic, type NotificationMessage } from 'vscode-languageserver';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test, vi } from 'vitest';
import type { Value } from '../../src/language/generated/ast.js';
import { isLoaded } from '../../src/language/workspace/thidua-document-factory.js';
import { LineCheckCache } from '../../src/language/validation/checks/line-cache.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { linkFacts, linkFactsOfUtf8, mayBeLinkTarget, referredIds } from '../../src/language/syntax/link-targets.js';
import { codeOf, exampleTexts } from '../helpers.js';
import { rng } from '../bench/generate.js';
import { indexAsText, plansFolder, startOnFolder } from './lsp-helpers.js';

const folder = () => plansFolder('thidua-unload-', 120);
const rel = (uri: URI, dir: string) => uri.fsPath.slice(dir.length + 1);
const start = (dir: string, editor: boolean) => startOnFolder(dir, { editor });

type Services = Awaited<ReturnType<typeof start>>;

const exported = (s: Services, dir: string) => indexAsText(s.shared, dir).exported;
const references = (s: Services, dir: string) => indexAsText(s.shared, dir).references;

describe('unopened documents in the editor', () => {
    test('after start-up their trees are dropped, and the index equals the one made with every tree kept', async () => {
        const dir = folder();
        const [editor, plain] = [await start(dir, true), await start(dir, false)];
        const all = editor.shared.workspace.LangiumDocuments.all.toArray();
        expect(all.length).toBe(133);
        expect(all.filter(d => isLoaded(d)).length).toBeLessThanOrEqual(16);
        expect(plain.shared.workspace.LangiumDocuments.all.toArray().every(d => isLoaded(d))).toBe(true);
        expect(exported(editor, dir)).toEqual(exported(plain, dir));
        const refs = references(editor, dir);
        expect(refs).toEqual(references(plain, dir));
        expect(refs.filter(r => r.startsWith('them-')).length).toBeGreaterThan(120);
        expect(refs.some(r => r.startsWith('bao-cao-so-ket') && r.includes('→ 000-chi-thi'))).toBe(true);
        const models = plain.Thidua.model.DocumentModel;
        for (const name of [
            'so-van-ban.thidua',
            '000-chi-thi-ha-lang-2023.thidua',
            'them-007.thidua',
            'chua-co.thidua'
        ]) {
            const digest = models.digestOf(plain.doc(name));
            expect(editor.Thidua.model.DocumentModel.digestOf(editor.doc(name))).toEqual(digest);
            // The same as what the document's model says.
            const model = models.get(plain.doc(name).parseResult.value);
            expect(digest.indicators).toEqual(
                model.indicators
                    .filter(i => i.id)
                    .map(i => ({ id: i.id, detail: i.value.parts[0]?.name ?? i.value.raw }))
            );
            expect(digest.citations).toEqual(
                model.citations
                    .filter(c => c.node.$type === 'Citation')
                    .map(c => ({ info: c.info, line: c.node.$cstNode!.range.start.line }))
            );
        }
    });

    test('completion lists the registry and the ids of unopened files from their digests, without parsing them again', async () => {
        const dir = folder();
        const s = await start(dir, true);
        const registry = s.doc('so-van-ban.thidua'),
            plan = s.doc('000-chi-thi-ha-lang-2023.thidua');
        const report = s.doc('bao-cao-so-ket-6-thang-2023-ha-lang.thidua');
        for (const d of [registry, plan])
            (s.shared.workspace.LangiumDocumentFactory as unknown as { unload(d: LangiumDocument): void }).unload(d);
        const complete = async (doc: LangiumDocument, needle: string, delta: number) => {
            const position = doc.textDocument.positionAt(doc.textDocument.getText().indexOf(needle) + delta);
            return (await s.Thidua.lsp.CompletionProvider!.getCompletion(doc, {
                textDocument: { uri: doc.uri.toString() },
                position
            }))!.items;
        };
        const cites = await complete(s.doc('chua-co.thidua'), '[', 1);
        expect(cites.some(i => i.kind === CompletionItemKind.Reference && i.label === 'Chỉ thị số 34-CT/TW')).toBe(
            true
        );
        const ids = await complete(report, '{@thu_ngan_sach', 2);
        expect(ids.find(i => i.label === '@thu_ngan_sach')?.detail).toBe('Thu ngân sách trên địa bàn');
        expect([isLoaded(registry), isLoaded(plan)]).toEqual([false, false]);
    });

    test('a link into an unloaded file parses it again and finds the node by its path', async () => {
        const dir = folder();
        const s = await start(dir, true);
        const plan = s.doc('000-chi-thi-ha-lang-2023.thidua');
        (s.shared.workspace.LangiumDocumentFactory as unknown as { unload(d: LangiumDocument): void }).unload(plan);
        const report = s.doc('bao-cao-so-ket-6-thang-2023-ha-lang.thidua');
        s.Thidua.model.DocumentModel.forget(report.parseResult.value);
        const value = s.Thidua.model.DocumentModel.get(report.parseResult.value).values.find(
            v => v.node.indicator?.$refText === 'thu_ngan_sach'
        )!.node;
        const target = value.indicator!.ref as Value;
        expect(target.id).toBe('#thu_ngan_sach');
        expect(target.text).toContain('22.400 triệu đồng');
        expect(isLoaded(plan)).toBe(true);
    });

    test('an unloaded file keeps no text: it is read again from the disk, decoded as every reader does', async () => {
        const dir = folder();
        const s = await start(dir, true);
        const file = join(dir, 'chua-co.thidua');
        const document = s.doc('chua-co.thidua');
        expect(isLoaded(document)).toBe(false);
        const text = '\uFEFFKẾ HOẠCH\nThi đua mới\n';
        writeFileSync(file, Buffer.from(text, 'utf16le'));
        expect(document.textDocument.getText()).toBe('KẾ HOẠCH\nThi đua mới\n');
    });

    test('a file left with an unknown citation is linked again when the registry gains it, though its tree was dropped', async () => {
        const dir = folder();
        const s = await start(dir, true);
        const doc = s.doc('chua-co.thidua');
        expect(isLoaded(doc)).toBe(false);
        const before = references(s, dir).filter(r => r.startsWith('chua-co'));
        expect(before).toEqual([]);
        writeFileSync(
            join(dir, 'so-van-ban.thidua'),
            readFileSync(join(dir, 'so-van-ban.thidua'), 'utf8') +
                '- [Chỉ thị số 99/CT-XYZ ngày 01/01/2024 của UBND tỉnh] về thi đua\n'
        );
        await s.shared.workspace.DocumentBuilder.update([URI.file(join(dir, 'so-van-ban.thidua'))], []);
        expect(references(s, dir).filter(r => r.startsWith('chua-co'))).toEqual([
            expect.stringContaining('→ so-van-ban.thidua')
        ]);
        expect(isLoaded(doc)).toBe(false);
    });
});

describe('unopened files changed on disk', () => {
    test('are parsed once from their new text, each time, and dropped again; files with unknown citations not relinked for nothing', async () => {
        const dir = folder();
        const s = await start(dir, true);
        const file = join(dir, 'them-007.thidua');
        const doc = s.doc('them-007.thidua');
        expect(isLoaded(doc)).toBe(false);
        const parse = vi.spyOn(s.Thidua.parser.LangiumParser, 'parse');
        for (const year of [2031, 2032]) {
            writeFileSync(
                file,
                `KẾ HOẠCH\nThi đua năm ${year}\n\nThực hiện [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị].\n`
            );
            parse.mockClear();
            await s.shared.workspace.DocumentBuilder.update([URI.file(file)], []);
            expect(parse).toHaveBeenCalledTimes(1);
            expect(isLoaded(doc)).toBe(false);
            expect(doc.textDocument.getText()).toContain(`năm ${year}`);
            expect(s.Thidua.model.DocumentModel.digestOf(doc).citations.map(c => c.info.docNumber?.raw)).toEqual([
                '34-CT/TW'
            ]);
        }
        expect(references(s, dir).filter(r => r.startsWith('them-007'))).toEqual([
            expect.stringContaining('→ so-van-ban.thidua')
        ]);
    });
});

describe('a file that stops being a document', () => {
    test('leaves the folder (binary now, or a new binary file) and later edits still build', async () => {
        const dir = folder();
        const s = await start(dir, true);
        const builder = s.shared.workspace.DocumentBuilder;
        const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0]);
        const turned = join(dir, 'them-003.thidua'),
            added = join(dir, 'moi.thidua');
        writeFileSync(turned, binary);
        writeFileSync(added, binary);
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        await builder.update([URI.file(turned), URI.file(added)], []);
        expect(errors.mock.calls.flat().join('\n')).toContain('them-003.thidua là tệp nhị phân');
        errors.mockRestore();
        const documents = s.shared.workspace.LangiumDocuments;
        expect(documents.hasDocument(URI.file(turned))).toBe(false);
        expect(documents.hasDocument(URI.file(added))).toBe(false);
        const other = join(dir, 'them-004.thidua');
        writeFileSync(other, 'KẾ HOẠCH\nThi đua năm 2031\n');
        await builder.update([URI.file(other)], []);
        expect(s.doc('them-004.thidua').textDocument.getText()).toContain('năm 2031');
        expect(s.doc('them-004.thidua').state).toBeGreaterThanOrEqual(DocumentState.IndexedReferences);
    });
});

describe('workspace checks against unopened files', () => {
    test("a citation that another, unloaded file dates differently is found from that file's digest", async () => {
        const dir = folder();
        writeFileSync(
            join(dir, 'khac.thidua'),
            'KẾ HOẠCH\nThi đua\n\nThực hiện [Chỉ thị số 34-CT/TW ngày 08/4/2014 của Bộ Chính trị].\n'
        );
        const s = await start(dir, true);
        const other = s.doc('khac.thidua'),
            doc = s.doc('000-chi-thi-ha-lang-2023.thidua');
        expect(isLoaded(other)).toBe(false);
        await s.shared.workspace.DocumentBuilder.build([doc], { validation: { categories: ['slow'] } });
        const found = (doc.diagnostics ?? [])
            .filter(d => codeOf(d) === 'trich-dan-mau-thuan')
            .map(d => Diagnostic.getMessageString(d));
        expect(found.some(m => m.includes('khac.thidua dòng 4') && m.includes('ngày 08/4/2014'))).toBe(true);
        expect(isLoaded(other)).toBe(false);
    });
});

describe('the start-up order', () => {
    test('a file the editor opens during start-up is built and checked right after the link targets, and stays loaded', async () => {
        const dir = folder();
        const connection = createConnection(
            new StreamMessageReader(new PassThrough()),
            new StreamMessageWriter(new PassThrough())
        );
        const { shared } = createThiduaServices({ connection, ...ThiduaFileSystem });
        shared.workspace.ConfigurationProvider.initialized({});
        const opened = join(dir, 'them-119.thidua');
        const uri = URI.file(opened).toString();
        (shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(
            TextDocument.create(uri, 'thidua', 1, readFileSync(opened, 'utf8'))
        );
        const builder = shared.workspace.DocumentBuilder;
        const builds: string[][] = [];
        const checkedEarly: number[] = [];
        const build = builder.build.bind(builder);
        builder.build = async (docs, options, token) => {
            builds.push(docs.map(d => rel(d.uri, dir)));
            await build(docs, options, token);
            checkedEarly.push(docs.filter(d => d.diagnostics !== undefined).length);
        };
        const folders = [{ uri: URI.file(dir).toString(), name: 'ws' }];
        shared.workspace.WorkspaceManager.initialize({
            workspaceFolders: folders,
            capabilities: {},
            processId: null,
            rootUri: null
        });
        // As the server does it: start-up under the workspace lock (the edit's update waits behind it).
        await shared.workspace.WorkspaceManager.initialized({});
        expect(builds[0]).toContain('so-van-ban.thidua');
        expect(builds[1]).toEqual(['them-119.thidua']);
        // Checked in its own chunk (diagnostics published then), before the rest of the folder is indexed.
        expect(checkedEarly[1]).toBe(1);
        expect(checkedEarly.slice(2, -1).every(n => n === 0)).toBe(true);
        expect(builds.slice(2).every(b => b.length <= 50)).toBe(true);
        expect(builds.flat().filter(f => f !== 'them-119.thidua').length).toBe(132);
        expect(isLoaded(shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!)).toBe(true);
    });

    test('a request for a file open in the editor that start-up has not built yet waits until it is built, instead of failing', async () => {
        const dir = folder();
        const connection = createConnection(
            new StreamMessageReader(new PassThrough()),
            new StreamMessageWriter(new PassThrough())
        );
        const { shared } = createThiduaServices({ connection, ...ThiduaFileSystem });
        shared.workspace.ConfigurationProvider.initialized({});
        const opened = URI.file(join(dir, 'them-119.thidua'));
        (shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(
            TextDocument.create(opened.toString(), 'thidua', 1, readFileSync(opened.fsPath, 'utf8'))
        );
        const builder = shared.workspace.DocumentBuilder;
        const events: string[] = [];
        let waited: Promise<unknown> | undefined;
        const build = builder.build.bind(builder);
        builder.build = async (docs, options, token) => {
            await build(docs, options, token);
            events.push(
                `built ${docs
                    .map(d => rel(d.uri, dir))
                    .join(',')
                    .slice(0, 40)}`
            );
            if (waited) return;
            // Right after the link targets: the opened file is read but not built. An unopened one still fails as
            // before.
            expect(shared.workspace.LangiumDocuments.hasDocument(opened)).toBe(false);
            waited = builder.waitUntil(DocumentState.IndexedReferences, opened).then(
                () => events.push('answered'),
                e => events.push(`failed: ${e.message}`)
            );
            await builder.waitUntil(DocumentState.IndexedReferences, URI.file(join(dir, 'them-000.thidua'))).then(
                () => events.push('unopened answered'),
                () => events.push('unopened failed')
            );
        };
        const folders = [{ uri: URI.file(dir).toString(), name: 'ws' }];
        shared.workspace.WorkspaceManager.initialize({
            workspaceFolders: folders,
            capabilities: {},
            processId: null,
            rootUri: null
        });
        await shared.workspace.WorkspaceManager.initialized({});
        await waited;
        expect(events.slice(0, 4)).toEqual([
            expect.stringMatching(/^built /),
            'unopened failed',
            'answered',
            'built them-119.thidua'
        ]);
    });

    test('a registry, or a document with an id that some file refers to, is built first; other texts later', () => {
        const referred = new Set(['c01', 'thu_ngan_sach']);
        expect(mayBeLinkTarget('SỔ VĂN BẢN\n- [Chỉ thị số 1/CT-UB]\n', referred)).toBe(true);
        expect(mayBeLinkTarget('KẾ HOẠCH\n1) {#thu_ngan_sach Thu ngân sách: 1 tỷ đồng}\n', referred)).toBe(true);
        expect(mayBeLinkTarget('KẾ HOẠCH\n1) {#c010 Thu: 1 tỷ đồng}\n', referred)).toBe(false);
        // Ids may have Vietnamese letters, as the lexer reads them.
        expect(
            mayBeLinkTarget('KẾ HOẠCH\n1) {#thu_ngân_sách Thu: 1 tỷ đồng}\n', referredIds(['{@thu_ngân_sách 2 tỷ}']))
        ).toBe(true);
        expect(
            mayBeLinkTarget('KẾ HOẠCH\n1) {#thu_ngân Thu: 1 tỷ đồng}\n', referredIds(['{@thu_ngân_sách 2 tỷ}']))
        ).toBe(false);
        expect(mayBeLinkTarget('KẾ HOẠCH\n1) {Thu: 1 tỷ đồng} theo [Chỉ thị số 1/CT-UB]\n', referred)).toBe(false);
    });

    test('what a UTF-8 file offers and asks is read from its bytes exactly as from its text', () => {
        const encode = (t: string) => new TextEncoder().encode(t);
        const texts = [
            ...Object.values(exampleTexts()),
            'SỔ VĂN BẢN\n',
            'SỔ VĂN BẢ',
            '{#thu_ngân_sách…x} {@thu_ngân“y”} {@a-b_9×c÷} #ĐđÀỹ @ # @@x #\u{1F600}z {#c1}{#c1} @Ω @ẞx',
            'x'.repeat(3) + '#'
        ];
        const pieces = [
            '#',
            '@',
            'a',
            'Z',
            '9',
            '_',
            '-',
            'ngân',
            'Đ',
            'ỹ',
            '…',
            '“',
            ' ',
            '\n',
            '{',
            '}',
            'SỔ VĂN BẢN',
            'Ω'
        ];
        const random = rng(7);
        for (let i = 0; i < 300; i++)
            texts.push(Array.from({ length: 40 }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
        for (const text of texts) expect(linkFactsOfUtf8(encode(text)), text).toEqual(linkFacts(text));
        expect(linkFactsOfUtf8(encode('{#thu_ngân_sách x} {@c01} SỔ VĂN BẢN'))).toEqual({
            registry: true,
            offered: ['thu_ngân_sách'],
            referred: ['c01']
        });
    });
});

describe('closing a document', () => {
    test("empties the caches of checked lines and looked-up texts, which would keep the closed text's memory", async () => {
        const input = new PassThrough();
        const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(new PassThrough()));
        const { shared, Thidua } = createThiduaServices({ connection, ...ThiduaFileSystem });
        shared.workspace.TextDocuments.listen(connection);
        connection.listen();
        const lines = vi.spyOn(LineCheckCache.prototype, 'clear');
        const texts = vi.spyOn(Thidua.model.DocumentModel.lookups, 'clear');
        const writer = new StreamMessageWriter(input);
        const notify = (method: string, params: object) =>
            writer.write({ jsonrpc: '2.0', method, params } as NotificationMessage);
        const uri = URI.file(join(tmpdir(), 'dong.thidua')).toString();
        const textDocument = { uri, languageId: 'thidua', version: 1, text: 'KẾ HOẠCH\nThi đua\n' };
        await notify('textDocument/didOpen', { textDocument });
        await vi.waitFor(() => expect(shared.workspace.TextDocuments.get(uri)).toBeDefined());
        expect(lines).not.toHaveBeenCalled();
        await notify('textDocument/didClose', { textDocument: { uri } });
        await vi.waitFor(() => expect(texts).toHaveBeenCalled());
        expect(lines).toHaveBeenCalled();
        connection.dispose();
    });
});
