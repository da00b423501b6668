import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createThiduaServices } from '../src/language/thidua-module.js';
import type { Model } from '../src/language/generated/ast.js';

export const services = createThiduaServices(EmptyFileSystem);
const parseDoc = parseHelper<Model>(services.Thidua);

let counter = 0;
/** Parses text as a .thidua document (validated), optionally alongside other documents of the workspace. */
export async function parse(text: string, options: { uri?: string } = {}): Promise<LangiumDocument<Model>> {
    return parseDoc(text, { documentUri: options.uri ?? `file:///ws/doc${++counter}.thidua`, validation: true });
}

export function errorsOf(doc: LangiumDocument): string[] {
    return [
        ...doc.parseResult.lexerErrors.map(e => `lex ${e.line}:${e.column} ${e.message}`),
        ...doc.parseResult.parserErrors.map(e => `parse ${e.token.startLine}:${e.token.startColumn} ${e.message}`),
        ...(doc.diagnostics ?? [])
            .filter(d => d.severity === 1)
            .map(d => `diag ${d.range.start.line + 1}: ${d.message}`)
    ];
}

export { URI };

/** A diagnostic's rule: carried in `data.code` (`code` is left empty, since editors show it to the drafter). */
export function codeOf(d: { data?: unknown }): string {
    return String((d.data as { code?: unknown } | undefined)?.code);
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createThiduaServices as create } from '../src/language/thidua-module.js';
import { EmptyFileSystem as Empty } from 'langium';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', 'examples');

/** Builds a fresh workspace from named texts (validated) and returns its documents by name. */
export async function buildWorkspace(files: Record<string, string>): Promise<Map<string, LangiumDocument<Model>>> {
    return (await workspace(files)).docs;
}

export async function workspace(files: Record<string, string>) {
    const all = create(Empty);
    const { shared } = all;
    const docs = new Map<string, LangiumDocument<Model>>();
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(`/ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs.set(name, doc);
    }
    await shared.workspace.DocumentBuilder.build([...docs.values()], { validation: true });
    return { docs, services: all };
}

export function exampleTexts(): Record<string, string> {
    return Object.fromEntries(
        readdirSync(EXAMPLES_DIR)
            .filter(f => f.endsWith('.thidua'))
            .map(f => [f, readFileSync(join(EXAMPLES_DIR, f), 'utf8')])
    );
}

export async function loadExamples(): Promise<Map<string, LangiumDocument<Model>>> {
    return buildWorkspace(exampleTexts());
}

/** A Quy chế issued with a Quyết định, its header repeated above its title (as real copies print it). */
export const ISSUED_WITH_HEADER = `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
___________
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_____________

QUY CHẾ
Công tác thi đua, khen thưởng
(Ban hành kèm theo Quyết định số 11/2021/QĐ-UBND ngày 29/7/2021 của Ủy ban nhân dân tỉnh)

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định công tác thi đua, khen thưởng.
`;

/** A Quyết định issuing a Quy chế whose header is repeated above its title. */
export const ISSUED_DOCUMENT = `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 11/2021/QĐ-UBND
Lai Châu, ngày 29 tháng 7 năm 2021

QUYẾT ĐỊNH
Ban hành Quy chế công tác thi đua, khen thưởng

Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác thi đua, khen thưởng.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A

${ISSUED_WITH_HEADER}`;

/** A công văn: its "V/v" line under the number, a form it sends (its own header) after the signature. */
export const CONG_VAN = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
-------
Số: 4307/BGDĐT-VP
V/v đề nghị khen thưởng các đồng chí lãnh đạo tỉnh
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 22 tháng 7 năm 2010

Kính gửi: Các sở giáo dục và đào tạo
Đề nghị các sở gửi hồ sơ.

Nơi nhận:
- Như trên;
- Lưu: VT.

TL. BỘ TRƯỞNG
CHÁNH VĂN PHÒNG
Phạm Mạnh Hùng

SỞ GIÁO DỤC ĐÀO TẠO
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------
..................ngày...........tháng........năm 20..

BẢN KHAI THÀNH TÍCH CÁ NHÂN
Họ và tên:
`;

/** A Phụ lục holding a form with the document's parts of its own (Quốc hiệu, số, Nơi nhận, chữ ký). */
export const ANNEX_FORM =
    'PHỤ LỤC I\n(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/01/2023)\nTÊN CƠ QUAN, TỔ CHỨC\n------\nSố: ……/……\n' +
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐịa danh, ngày … tháng … năm …\nTỜ TRÌNH\n' +
    'Về việc đề nghị khen thưởng\nNơi nhận:\n- Lưu: VT.\nKT. THỦ TRƯỞNG\nTHỦ TRƯỞNG CƠ QUAN\n';
