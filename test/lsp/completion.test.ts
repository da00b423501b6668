import { describe, expect, test } from 'vitest';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { KE_HOACH, REGISTRY, edit } from '../checks/check-helpers.js';
import { withCursor } from './lsp-helpers.js';
import type { ThiduaCompletionProvider } from '../../src/language/lsp/thidua-completion-provider.js';
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
    return { items, find, newText, ws };
}

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
        const c = await complete(edit(KE_HOACH, 'Chủ tịch UBND huyện tặng Giấy khen', 'Chủ tịch UBND huyện tặng bang khen<|>'));
        expect(c.find('Bằng khen').detail).toMatch(/^đề nghị cấp trên/);
        expect(c.newText('Bằng khen')).toContain('tặng Bằng khen');
        expect(c.items.map(i => i.label)).not.toContain('Giấy khen');
        const own = await complete(edit(KE_HOACH, 'Chủ tịch UBND huyện tặng Giấy khen', 'Chủ tịch UBND huyện tặng giay<|>'));
        expect(own.find('Giấy khen').detail).toMatch(/^thuộc thẩm quyền/);
    });

    test('a registry document: the full citation at its first mention, the short form after', async () => {
        const first = await complete(edit(KE_HOACH, 'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về tiếp tục đổi mới công tác thi đua, khen thưởng;', 'Căn cứ [chi thi<|>'));
        expect(first.newText('Chỉ thị số 34-CT/TW')).toBe('Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về tiếp tục đổi mới công tác thi đua, khen thưởng');
        const later = await complete(edit(KE_HOACH, 'Tiếp tục thực hiện [Chỉ thị số 34-CT/TW];', 'Tiếp tục thực hiện [<|>'));
        expect(later.newText('Chỉ thị số 34-CT/TW')).toBe('Chỉ thị số 34-CT/TW]');
        expect(later.find('Chỉ thị số 34-CT/TW').detail).toContain('ghi ngắn');
    });

    test('units after a number, matching without diacritics', async () => {
        const c = await complete(edit(KE_HOACH, '22.400 triệu đồng}', '22.400 trieu d<|>}'));
        expect(c.items.map(i => i.label)).toEqual(['triệu đồng', 'triệu đồng/người/năm', 'triệu đồng/ha']);
    });

    test('indicator ids after "{@"', async () => {
        const c = await complete(edit(KE_HOACH, 'Phong trào thi đua thiết thực', 'Theo {@<|>} phong trào thi đua thiết thực'));
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
        const signers = await complete(edit(KE_HOACH, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\npho chu<|>'));
        expect(signers.newText('PHÓ CHỦ TỊCH')).toBe('PHÓ CHỦ TỊCH');
    });

    test('a whole new Kế hoạch from the skeleton parses without errors', async () => {
        const c = await complete('ke hoach moi<|>', {});
        const snippet = c.newText('Kế hoạch mới (mẫu đầy đủ)');
        const text = snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
        const parsed = await withCursor(text);
        expect(parsed.doc.parseResult.parserErrors).toEqual([]);
        expect(parsed.doc.parseResult.lexerErrors).toEqual([]);
        const root = parsed.doc.parseResult.value;
        expect(isDocument(root) && root.kind?.trim()).toBe('KẾ HOẠCH');
    });
});
