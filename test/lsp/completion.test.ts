import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KE_HOACH, REGISTRY, edit } from '../checks/check-helpers.js';
import { withCursor } from './lsp-helpers.js';
import {
    skeletonDocument,
    snippetText,
    templateSnippet,
    type ThiduaCompletionProvider
} from '../../src/language/lsp/thidua-completion-provider.js';
import { isDocument } from '../../src/language/generated/ast.js';

async function complete(text: string, files: Record<string, string> = { 'so-van-ban.thidua': REGISTRY }) {
    const ws = await withCursor(text, files);
    const provider = ws.services.Thidua.lsp.CompletionProvider as ThiduaCompletionProvider;
    provider.today = () => new Date(2023, 2, 15);
    const list = await provider.getCompletion(ws.doc, { textDocument: ws.textDocument, position: ws.position });
    const items = list?.items ?? [];
    const find = (label: string): CompletionItem => {
        const i = items.find(x => x.label === label);
        if (!i) throw new Error(`no item "${label}" among ${items.map(x => x.label).join(', ')}`);
        return i;
    };
    const newText = (label: string) => (find(label).textEdit as { newText: string }).newText;
    /** The cursor's line after accepting an item, its placeholders keeping their defaults. */
    const accept = (label: string) => {
        const edit = find(label).textEdit as TextEdit;
        const before = TextDocument.create('x', 'thidua', 0, ws.doc.textDocument.getText());
        const after = TextDocument.applyEdits(before, [{ range: edit.range, newText: snippetText(edit.newText) }]);
        return after.split('\n')[ws.position.line];
    };
    return { items, find, newText, accept, ws };
}

/** A list marker at the start of a text: "- ", "1) ", "1. ", "a) ", "a. ", "(1) ", "II. ". */
const MARKER = /^\s*(?:[-+•*]|\(\d+\)|\d+(?:\.\d+)*[.)]|\([a-zđ]\)|[a-zđ][.)]|[IVXLC]+\.)\s/u;
const CITED = 'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị]';
const CITE_34 = `${CITED} về tiếp tục đổi mới công tác thi đua, khen thưởng;`;

describe('completion', () => {
    test('"chi tieu" offers "chỉ tiêu" (diacritics ignored), as a snippet of a typed indicator', async () => {
        const c = await complete(edit(KE_HOACH, '6) {Giải', 'chi tieu<|>\n6) {Giải'));
        const item = c.find('chỉ tiêu');
        expect(item.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(item.filterText).toContain('chi tieu');
        expect((item.textEdit as { range: { start: { character: number } } }).range.start.character).toBe(0);
        expect(c.newText('chỉ tiêu')).toContain('{${2:Tên chỉ tiêu}: ${3:giá trị} ${4:đơn vị}}');
    });

    test('"bang khen" offers "Bằng khen" — as a proposal, since a district may not confer it', async () => {
        const c = await complete(
            edit(KE_HOACH, 'Chủ tịch UBND huyện tặng Giấy khen', 'Chủ tịch UBND huyện tặng bang khen<|>')
        );
        expect(c.find('Bằng khen').detail).toMatch(/^đề nghị cấp trên/);
        expect(c.newText('Bằng khen')).toContain('tặng Bằng khen');
        expect(c.items.map(i => i.label)).not.toContain('Giấy khen');
        const own = await complete(
            edit(KE_HOACH, 'Chủ tịch UBND huyện tặng Giấy khen', 'Chủ tịch UBND huyện tặng giay<|>')
        );
        expect(own.find('Giấy khen').detail).toMatch(/^thuộc thẩm quyền/);
    });

    test('a registry document: the full citation at its first mention, the short form after', async () => {
        const first = await complete(
            edit(
                KE_HOACH,
                'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về tiếp tục đổi mới công tác thi đua, khen thưởng;',
                'Căn cứ [chi thi<|>'
            )
        );
        expect(first.newText('Chỉ thị số 34-CT/TW')).toBe(
            'Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về tiếp tục đổi mới công tác thi đua, khen thưởng'
        );
        const later = await complete(
            edit(KE_HOACH, 'Tiếp tục thực hiện [Chỉ thị số 34-CT/TW];', 'Tiếp tục thực hiện [<|>')
        );
        expect(later.newText('Chỉ thị số 34-CT/TW')).toBe('Chỉ thị số 34-CT/TW]');
        expect(later.find('Chỉ thị số 34-CT/TW').detail).toContain('ghi ngắn');
    });

    test('units after a number, matching without diacritics', async () => {
        const c = await complete(edit(KE_HOACH, '22.400 triệu đồng}', '22.400 trieu d<|>}'));
        expect(c.items.map(i => i.label)).toEqual(['triệu đồng', 'triệu đồng/người/năm', 'triệu đồng/ha']);
    });

    test('indicator ids after "{@"', async () => {
        const c = await complete(
            edit(KE_HOACH, 'Phong trào thi đua thiết thực', 'Theo {@<|>} phong trào thi đua thiết thực')
        );
        expect(c.find('@thu_ngan_sach').detail).toBe('Thu ngân sách trên địa bàn');
    });

    test('dates: today and the end of the campaign year', async () => {
        const c = await complete(edit(KE_HOACH, '{trước ngày 15/12/2023}', '{<|>}'));
        expect(c.find('ngày 15/3/2023').detail).toBe('hôm nay');
        expect(c.find('ngày 31/12/2023').detail).toBe('cuối năm thi đua');
    });

    test('at the start of a line: the next section, numbered', async () => {
        const c = await complete(edit(KE_HOACH, 'V. KHEN THƯỞNG', 'khen<|>\nV. KHEN THƯỞNG'));
        expect(c.newText('V. KHEN THƯỞNG')).toMatch(/^V\. KHEN THƯỞNG\n\$\{1:Trên cơ sở/);
    });

    test('agencies in prose and signer titles at the start of a line', async () => {
        const agencies = await complete(edit(KE_HOACH, '2. Đề nghị Ủy ban', '2. phong van hoa<|> Đề nghị Ủy ban'));
        expect(agencies.find('Phòng Văn hóa và Thông tin').detail).toBe('cơ quan, đơn vị');
        const signers = await complete(
            edit(KE_HOACH, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\npho chu<|>')
        );
        expect(signers.newText('PHÓ CHỦ TỊCH')).toBe('PHÓ CHỦ TỊCH');
    });

    test('a whole new Kế hoạch from the skeleton parses without errors', async () => {
        const c = await complete('ke hoach moi<|>', {});
        const snippet = c.newText('Kế hoạch mới (mẫu đầy đủ)');
        const text = snippet
            .replace(/\$\{\d+:([^}]*)\}/g, '$1')
            .replace(/\$\{\d+\}|\$\d+/g, '')
            .replace(/\\([$}\\])/g, '$1');
        const parsed = await withCursor(text);
        expect(parsed.doc.parseResult.parserErrors).toEqual([]);
        expect(parsed.doc.parseResult.lexerErrors).toEqual([]);
        const root = parsed.doc.parseResult.value;
        expect(isDocument(root) && root.kind?.trim()).toBe('KẾ HOẠCH');
    });
});

describe('completion that fits the editor', () => {
    test('a citation inside an auto-closed "[]" replaces the "]" instead of adding a second one', async () => {
        const full = await complete(edit(KE_HOACH, CITE_34, 'Căn cứ [chi thi<|>]'));
        expect(full.accept('Chỉ thị số 34-CT/TW')).toBe(CITE_34.slice(0, -1));
        const range = (full.find('Chỉ thị số 34-CT/TW').textEdit as TextEdit).range;
        expect(range.end).toEqual({ line: full.ws.position.line, character: full.ws.position.character + 1 });
        const short = await complete(edit(KE_HOACH, 'hiện [Chỉ thị số 34-CT/TW];', 'hiện [<|>];'));
        expect(short.accept('Chỉ thị số 34-CT/TW')).toMatch(/^1\. Tiếp tục thực hiện \[Chỉ thị số 34-CT\/TW\]; đẩy/);
        // No closer after the cursor: nothing beyond it is replaced.
        const open = await complete(edit(KE_HOACH, CITE_34, 'Căn cứ [chi thi<|>'));
        expect((open.find('Chỉ thị số 34-CT/TW').textEdit as TextEdit).range.end).toEqual(open.ws.position);
    });

    test('text already after the "]" (the "Căn cứ" snippet\'s "về …") is kept, the subject left out', async () => {
        const c = await complete(edit(KE_HOACH, CITE_34, 'Căn cứ [chi thi<|>] về …;'));
        expect(c.accept('Chỉ thị số 34-CT/TW')).toBe(`${CITED} về …;`);
    });

    test('"trích dẫn": whole brackets in prose; after a typed "[" neither bracket is doubled', async () => {
        const prose = await complete(edit(KE_HOACH, CITE_34, 'Căn cứ trich dan<|>'));
        expect(prose.accept('trích dẫn')).toBe(CITED);
        const typed = await complete(edit(KE_HOACH, CITE_34, 'Căn cứ [trich<|>]'));
        expect(typed.newText('trích dẫn')).toMatch(/^\$\{1:Chỉ thị\}/);
        expect(typed.accept('trích dẫn')).toBe(CITED);
    });

    test('inside an auto-closed "{}": an indicator or the campaign time brings no "{" and no second "}"', async () => {
        const TIME = '{Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm 2023}';
        const value = await complete(edit(KE_HOACH, 'Phong trào thi đua', 'Theo {chi tieu<|>} thi đua'));
        expect(value.accept('chỉ tiêu')).toMatch(/^Theo \{Tên chỉ tiêu: giá trị đơn vị\} thi đua thiết thực, hiệu/);
        const time = await complete(edit(KE_HOACH, TIME, '{thoi gian<|>}'));
        expect(time.accept('thời gian thi đua')).toBe(`${TIME}, ${KE_HOACH.split(`${TIME}, `)[1].split('\n')[0]}`);
        // A date closes nothing: the "}" stays where it is.
        const date = await complete(edit(KE_HOACH, '{trước ngày 15/12/2023}', '{<|>}'));
        expect(date.accept('ngày 31/12/2023')).toMatch(/kết quả \{ngày 31\/12\/2023\}\.$/);
        const prose = await complete(edit(KE_HOACH, 'Phong trào thi đua', 'thoi gian<|> Phong trào thi đua'));
        expect(prose.accept('thời gian thi đua')).toMatch(new RegExp(`^\\${TIME.slice(0, -1)}\\} Phong`, 'u'));
    });

    test('after a typed list marker no item brings a marker of its own', async () => {
        const markers = ['- ', '+ ', '1) ', '1. ', 'a) ', 'a. ', '(1) ', '  - ', '- 1) ', 'II. '];
        for (const marker of markers) {
            for (const typed of ['', 'chi tieu', 'khen', 'can cu']) {
                const c = await complete(edit(KE_HOACH, '6) {Giải', `${marker}${typed}<|>\n6) {Giải`));
                for (const i of c.items) {
                    const inserted = snippetText((i.textEdit as TextEdit).newText);
                    expect(inserted, `"${marker}${typed}" → ${i.label}`).not.toMatch(MARKER);
                }
            }
        }
        const dash = await complete(edit(KE_HOACH, '6) {Giải', '- chi tieu<|>\n6) {Giải'));
        expect(dash.accept('chỉ tiêu')).toBe('- {Tên chỉ tiêu: giá trị đơn vị}');
        const letter = await complete(edit(KE_HOACH, '6) {Giải', 'a. chi tieu<|>\n6) {Giải'));
        expect(letter.accept('chỉ tiêu')).toBe('a. {Tên chỉ tiêu: giá trị đơn vị}');
        // A typed section number keeps its own number: the section's title and body follow it.
        const roman = await complete(edit(KE_HOACH, 'V. KHEN THƯỞNG', 'II. khen<|>\nV. KHEN THƯỞNG'));
        expect(roman.newText('KHEN THƯỞNG')).toMatch(/^KHEN THƯỞNG\n\$\{1:Trên cơ sở/);
        expect(roman.accept('KHEN THƯỞNG')).toBe('II. KHEN THƯỞNG');
        // On a blank line the numbered forms are still offered.
        const blank = await complete(edit(KE_HOACH, '6) {Giải', 'chi tieu<|>\n6) {Giải'));
        expect(blank.items.filter(i => i.label === 'chỉ tiêu').map(i => (i.textEdit as TextEdit).newText)).toContain(
            '${1:1}) {${2:Tên chỉ tiêu}: ${3:giá trị} ${4:đơn vị}}.'
        );
    });

    test('the static VS Code snippets carry no list marker and open no "[" (they cannot see the line)', () => {
        const file = join(import.meta.dirname, '..', '..', 'language', 'snippets.json');
        const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
        expect(Object.keys(snippets).length).toBeGreaterThan(3);
        for (const [name, s] of Object.entries(snippets)) {
            const first = snippetText(s.body[0]);
            expect(first, name).not.toMatch(MARKER);
            expect(first, name).not.toMatch(/^[[{]/);
            for (const text of [name, ...s.prefix, ...s.body]) expect(text).toBe(text.normalize('NFC'));
        }
        // "chỉ tiêu" opens a "{": only the server, which sees an opened one, offers it.
        expect(snippets['Chỉ tiêu']).toBeUndefined();
    });
});

describe('templates', () => {
    test('tab stops select only what is to be typed, never the level words', () => {
        for (const kind of ['KH', 'CT', 'BC'] as const) {
            const snippet = skeletonDocument(kind, 2025);
            const [governing, issuer] = snippet.split('\n');
            expect(governing).toBe('ỦY BAN NHÂN DÂN TỈNH ${1:TÊN TỈNH}');
            expect(issuer).toBe('ỦY BAN NHÂN DÂN HUYỆN ${2:TÊN HUYỆN}');
            expect(snippet).not.toMatch(/\$\{\d+:(?:ỦY BAN|TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH PHỐ|THỊ XÃ)/u);
            expect(snippet).toContain('\n${3:Địa danh}, ngày   tháng   năm 2025\n');
            // From 2026 on there are no districts: the issuer is a xã's.
            expect(skeletonDocument(kind, 2026).split('\n')[1]).toBe('ỦY BAN NHÂN DÂN XÃ ${2:TÊN XÃ}');
        }
    });

    test('templateSnippet fills in the configured issuer and signer, escaped for a snippet', async () => {
        expect(templateSnippet('KH', 2025, {})).toBe(skeletonDocument('KH', 2025));
        expect(templateSnippet('CT', 2025, { issuer: '  ', signer: '' })).toBe(skeletonDocument('CT', 2025));
        const issuer = 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG';
        const kh = templateSnippet('KH', 2025, { issuer, signer: 'Sùng Lữ Páo' });
        const lines = kh.split('\n');
        expect(lines.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN TỈNH ${1:TÊN TỈNH}', issuer]);
        expect(lines.slice(-4)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', 'Sùng Lữ Páo']);
        expect(kh).not.toContain('${0');
        // The filled-in template is a document that parses, with its issuer and signer.
        const parsed = await withCursor(snippetText(kh));
        expect(parsed.doc.parseResult.parserErrors).toEqual([]);
        expect(parsed.doc.parseResult.lexerErrors).toEqual([]);
        expect(snippetText(kh)).toMatch(/\nỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG\nSố: \/KH-UBND\n/);

        // "$", "}" and "\\" are literal; a name typed in NFD arrives in NFC, on one line.
        const signer = 'Nguyễn Văn\nA'.normalize('NFD');
        const odd = templateSnippet('BC', 2025, { issuer: 'UBND $1 {x}\\y', signer });
        expect(odd.split('\n')[1]).toBe('UBND \\$1 {x\\}\\\\y');
        expect(snippetText(odd).split('\n')[1]).toBe('UBND $1 {x}\\y');
        expect(odd.split('\n').at(-1)).toBe('Nguyễn Văn A');
        expect(templateSnippet('CT', 2025, { signer: 'X' }).split('\n').slice(-3)).toEqual(['CHỦ TỊCH', '', 'X']);
    });
});
