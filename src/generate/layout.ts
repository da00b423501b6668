import { completeRoot, inlineSource, lineSource, segments, type Segment } from '../language/ast-text.js';
import {
    isDocument, isKhoan, isSection, isSubKhoan,
    type BodyItem, type Document, type Model, type Paragraph, type SubKhoan
} from '../language/generated/ast.js';
import { buildModel, type DocumentModel } from '../language/thidua-document-model.js';
import { reportOf } from '../language/thidua-report.js';
import { formatViNumber } from '../domain/numbers.js';
import type { Target } from '../domain/values.js';

/**
 * The document laid out as NĐ 30/2020 Phụ lục I arranges it: the header's two columns, title, body blocks,
 * and the footer's two columns. Word, HTML and text generators all render this one layout.
 */
export interface Layout {
    header: { left: Line[]; right: Line[] };
    title: Line[];
    body: Block[];
    footer: { left: Line[]; right: Line[] };
    indicators: IndicatorRow[];
    results?: ResultTable;
    model: DocumentModel;
}

export type Role =
    | 'chu-quan' | 'ban-hanh' | 'so' | 'quoc-hieu' | 'tieu-ngu' | 'dia-danh-ngay'
    | 'ten-loai' | 'trich-yeu'
    | 'can-cu' | 'muc' | 'khoan-tieu-de' | 'khoan' | 'diem' | 'doan'
    | 'noi-nhan-tieu-de' | 'noi-nhan' | 'quyen-han' | 'chuc-vu' | 'ghi-chu-ky' | 'ho-ten';

/** `implied`: not written in the source but required on the page (Quốc hiệu, Tiêu ngữ). */
export interface Line { role: Role; segments: Segment[]; text: string; implied?: boolean }
export interface Block extends Line { level: number }
export interface IndicatorRow { number: string; name: string; unit: string; target: string }
/** A Báo cáo's table: each indicator's target, actual, completion and status, and the summary line. */
export interface ResultTable { rows: { number: string; name: string; target: string; actual: string; percent: string; status: string }[]; summary: string }

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

function line(role: Role, source: string): Line {
    const segs = segments(source.trim());
    return { role, segments: segs, text: segs.map(s => s.text).join('') };
}

/** Lines a khoản's text must satisfy to be a title (bold): short, no closing punctuation. */
function isTitle(text: string): boolean {
    const t = text.trim();
    return t.split(/\s+/).length <= 16 && !/[.;:,]$/.test(t);
}

export function layout(root: Model): Layout {
    completeRoot(root);
    const model = buildModel(root);
    const out: Layout = { header: { left: [], right: [] }, title: [], body: [], footer: { left: [], right: [] }, indicators: [], model };
    if (!isDocument(root)) return out;
    const doc: Document = root;
    const agencies = doc.headerLines.filter(h => h.agency).map(h => h.agency!.trim());
    if (agencies.length >= 2) out.header.left.push(line('chu-quan', agencies[0]), line('ban-hanh', agencies.slice(1).join(' ')));
    else if (agencies.length === 1) out.header.left.push(line('ban-hanh', agencies[0]));
    if (doc.numberLine) out.header.left.push(line('so', doc.numberLine));
    const quocHieu = doc.headerLines.find(h => h.quocHieu)?.quocHieu;
    const tieuNgu = doc.headerLines.find(h => h.tieuNgu)?.tieuNgu;
    out.header.right.push({ ...line('quoc-hieu', quocHieu ?? QUOC_HIEU), implied: !quocHieu }, { ...line('tieu-ngu', tieuNgu ?? TIEU_NGU), implied: !tieuNgu });
    if (doc.placeDate) out.header.right.push(line('dia-danh-ngay', doc.placeDate));
    if (doc.kind) out.title.push(line('ten-loai', doc.kind));
    if (doc.subject) out.title.push(line('trich-yeu', lineSource(doc.subject)));
    const basis = new Set(model.basis);
    const walk = (item: BodyItem | SubKhoan | Paragraph, level: number) => {
        if (isSection(item)) {
            out.body.push({ ...line('muc', lineSource(item)), level });
            item.items.forEach(i => walk(i, level + 1));
        } else if (isKhoan(item) || isSubKhoan(item)) {
            const titled = item.items.length > 0 && isTitle(inlineSource(item.parts));
            out.body.push({ ...line(titled ? 'khoan-tieu-de' : 'khoan', lineSource(item)), level });
            item.items.forEach(i => walk(i, level + 1));
        } else {
            const role: Role = basis.has(item) ? 'can-cu' : item.mark ? 'diem' : 'doan';
            out.body.push({ ...line(role, lineSource(item)), level });
        }
    };
    doc.body.forEach(i => walk(i, 0));
    if (doc.noiNhan) {
        out.footer.left.push(line('noi-nhan-tieu-de', 'Nơi nhận:'));
        for (const r of doc.noiNhan.items) out.footer.left.push(line('noi-nhan', lineSource(r)));
    }
    if (doc.signature) {
        for (const n of doc.signature.notes) out.footer.right.push(line('ghi-chu-ky', n.text));
        for (const a of doc.signature.authorities) out.footer.right.push(line('quyen-han', a));
        for (const t of doc.signature.titles) out.footer.right.push(line('chuc-vu', t));
        if (doc.signature.signer) out.footer.right.push(line('ho-ten', doc.signature.signer));
    }
    // The appendix rows are made when read (only an export with the appendix reads them): the values are parsed then.
    let rows: IndicatorRow[] | undefined;
    Object.defineProperty(out, 'indicators', {
        enumerable: true,
        get: () => rows ??= model.indicators.flatMap((i, n) => i.value.parts.map(t => ({
            number: i.number !== undefined ? String(i.number) : String(n + 1),
            name: [t.name, t.subject].filter(Boolean).join(' ') || i.value.raw,
            unit: t.unit ?? '',
            target: targetText(t)
        })))
    });
    const report = reportOf(doc, r => buildModel(r));
    if (report) {
        out.results = {
            rows: report.rows.map((r, n) => ({
                number: r.indicator?.number !== undefined ? String(r.indicator.number) : String(n + 1),
                name: r.target?.name ?? r.indicator?.value.parts[0]?.name ?? r.result.raw,
                target: r.target ? `${targetText(r.target)}${r.target.unit && r.target.unit !== '%' ? ' ' + r.target.unit : r.target.unit ?? ''}` : '',
                actual: r.result.quantity ? `${quantityRaw(r.result.quantity)}${r.result.unit && r.result.unit !== '%' ? ' ' + r.result.unit : r.result.unit ?? ''}` : r.result.raw,
                percent: r.evaluation?.percent !== undefined ? `${formatViNumber(r.evaluation.percent, 1)}%` : '',
                status: r.evaluation?.status ?? ''
            })),
            summary: report.summary.text
        };
    }
    return out;
}

function quantityRaw(q: NonNullable<Target['quantity']>): string {
    return q.kind === 'number' ? q.number.raw : q.kind === 'range' ? `${q.low.raw}-${q.high.raw}` : q.kind === 'fraction' ? `${q.numerator.raw}/${q.denominator.raw}` : q.text;
}

function targetText(t: Target): string {
    const q = t.quantity;
    if (!q) return '';
    const target = quantityRaw(q);
    if (!t.comparatorText || q.kind === 'qualitative') return target;
    return t.comparatorText === 'trở lên' || t.comparatorText === 'trở xuống' ? `${target} ${t.comparatorText}` : `${t.comparatorText} ${target}`;
}

export const RESULT_HEADINGS = ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ', 'Đánh giá'];

/** All text of the page in reading order: the lines, with a report's results table after the body. */
export function pageTexts(l: Layout): string[] {
    const table = l.results ? [...l.results.rows.flatMap(r => [r.number, r.name, r.target, r.actual, r.percent, r.status]), `Tổng hợp: ${l.results.summary}.`] : [];
    return [...l.header.left, ...l.header.right, ...l.title, ...l.body].map(x => x.text)
        .concat(l.results ? ['BẢNG KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', ...RESULT_HEADINGS, ...table] : [], [...l.footer.left, ...l.footer.right].map(x => x.text));
}

/** The lines in reading order of the page: header left, header right, title, body, footer left, footer right. */
export function layoutLines(l: Layout): Line[] {
    return [...l.header.left, ...l.header.right, ...l.title, ...l.body, ...l.footer.left, ...l.footer.right];
}
