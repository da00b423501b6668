import type { AstNode } from 'langium';
import { completeRoot, inlineSource, lineSource, segments, type Segment } from '../language/syntax/ast-text.js';
import {
    isDocument,
    isKhoan,
    isSection,
    isSubKhoan,
    isTable,
    type BodyItem,
    type Document,
    type KhoanItem,
    type Model,
    type Paragraph,
    type SectionItem,
    type SubKhoanItem,
    type Table
} from '../language/generated/ast.js';
import {
    buildModel,
    joinAgencyLines,
    type DocumentModel,
    type TableEntry
} from '../language/model/thidua-document-model.js';
import { isNumericCell, type Align } from '../domain/table-grid.js';
import { reportOf } from '../language/model/thidua-report.js';
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
    /** `right` is the (first) signer; `signers` the signers side by side with it (liên tịch), left to right. */
    footer: { left: Line[]; right: Line[]; signers: Line[][] };
    /** Each Phụ lục on pages of its own, numbered from 1. */
    annexes: AnnexLayout[];
    /** Footnotes in the order of their first reference; `id` as written, `number` as printed. */
    footnotes: { id: string; number: number; segments: Segment[]; text: string }[];
    indicators: IndicatorRow[];
    results?: ResultTable;
    model: DocumentModel;
}

export type Role =
    | 'chu-quan'
    | 'ban-hanh'
    | 'so'
    | 'trich-yeu-cv'
    | 'quoc-hieu'
    | 'tieu-ngu'
    | 'dia-danh-ngay'
    | 'ten-loai'
    | 'trich-yeu'
    | 'can-cu'
    | 'muc'
    | 'khoan-tieu-de'
    | 'khoan'
    | 'diem'
    | 'doan'
    | 'noi-nhan-tieu-de'
    | 'noi-nhan'
    | 'quyen-han'
    | 'chuc-vu'
    | 'ghi-chu-ky'
    | 'ho-ten'
    | 'phu-luc'
    | 'phu-luc-tieu-de'
    | 'phu-luc-kem-theo'
    | 'bang';

/**
 * `implied`: not written in the source but required on the page (Quốc hiệu, Tiêu ngữ). `lines`: the source lines
 * (0-based, first and last) the line was written on, where it has a place of its own.
 */
export interface Line {
    role: Role;
    segments: Segment[];
    text: string;
    implied?: boolean;
    lines?: [number, number];
}
/** A block of the body: a line, or (role `bang`) a table whose `text` is its cells' words in reading order. */
export interface Block extends Line {
    level: number;
    table?: TableLayout;
}

export interface TableCellLayout {
    /** The cell's lines ("<br>" in the source), each with its emphasis. */
    lines: Segment[][];
    text: string;
    col: number;
    colSpan: number;
    rowSpan: number;
    align: Align;
}
export interface TableLayout {
    columns: number;
    /** Fractions of the text width, adding up to 1. */
    widths: number[];
    rows: { header: boolean; cells: TableCellLayout[] }[];
}
export interface AnnexLayout {
    /** The header a text issued with the document repeats above its title: agency left, Quốc hiệu right. */
    header: { left: Line[]; right: Line[] };
    heading: Line;
    titles: Line[];
    attached?: Line;
    body: Block[];
}
export interface IndicatorRow {
    number: string;
    name: string;
    unit: string;
    target: string;
}
/** A Báo cáo's table: each indicator's target, actual, completion and status, and the summary line. */
export interface ResultTable {
    rows: { number: string; name: string; target: string; actual: string; percent: string; status: string }[];
    summary: string;
}

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

function line(role: Role, source: string, node?: AstNode): Line {
    const segs = segments(source.trim());
    const range = node?.$cstNode?.range;
    return {
        role,
        segments: segs,
        text: segs.map(s => s.text).join(''),
        ...(range ? { lines: [range.start.line, range.end.line] } : {})
    };
}

/** The lines of a heading without those of the items under it. */
function ownLines(node: AstNode, items: AstNode[]): Pick<Line, 'lines'> {
    const range = node.$cstNode?.range;
    if (!range) return {};
    const next = items[0]?.$cstNode?.range.start.line;
    return { lines: [range.start.line, next === undefined ? range.end.line : Math.max(range.start.line, next - 1)] };
}

function startLine(node: AstNode): Pick<Line, 'lines'> {
    const at = node.$cstNode?.range.start.line;
    return at === undefined ? {} : { lines: [at, at] };
}

/** Lines a khoản's text must satisfy to be a title (bold): short, no closing punctuation. */
function isTitle(text: string): boolean {
    const t = text.trim();
    return t.split(/\s+/).length <= 16 && !/[.;:,]$/.test(t);
}

export function layout(root: Model): Layout {
    completeRoot(root);
    const model = buildModel(root);
    const out: Layout = {
        header: { left: [], right: [] },
        title: [],
        body: [],
        footer: { left: [], right: [], signers: [] },
        annexes: [],
        footnotes: [],
        indicators: [],
        model
    };
    if (!isDocument(root)) return out;
    const doc: Document = root;
    const agencies = [model.parentAgency, model.issuer].filter((a): a is string => !!a);
    if (agencies.length >= 2)
        out.header.left.push(line('chu-quan', agencies[0]), line('ban-hanh', agencies.slice(1).join(' ')));
    else if (agencies.length === 1) out.header.left.push(line('ban-hanh', agencies[0]));
    if (doc.numberLine) out.header.left.push(line('so', doc.numberLine));
    if (doc.about) out.header.left.push(line('trich-yeu-cv', doc.about));
    const oneLine = (s: string | undefined) => s?.replace(/\s+/g, ' ');
    const quocHieu = oneLine(doc.headerLines.find(h => h.quocHieu)?.quocHieu);
    const tieuNgu = oneLine(doc.headerLines.find(h => h.tieuNgu)?.tieuNgu);
    // A Party document's header has "ĐẢNG CỘNG SẢN VIỆT NAM" and no Tiêu ngữ (HD 36-HD/VPTW); an annex alone has
    // neither.
    const party = quocHieu === 'ĐẢNG CỘNG SẢN VIỆT NAM';
    const annexOnly =
        !doc.headerLines.length && !doc.numberLine && !doc.kind && !doc.body.length && doc.annexes.length > 0;
    if (!annexOnly) {
        out.header.right.push({ ...line('quoc-hieu', quocHieu ?? QUOC_HIEU), implied: !quocHieu });
        if (!party || tieuNgu) out.header.right.push({ ...line('tieu-ngu', tieuNgu ?? TIEU_NGU), implied: !tieuNgu });
    }
    if (doc.placeDate) out.header.right.push(line('dia-danh-ngay', oneLine(doc.placeDate)!));
    if (doc.kind) out.title.push(line('ten-loai', doc.kind));
    if (doc.subject) out.title.push(line('trich-yeu', lineSource(doc.subject), doc.subject));
    const basis = new Set(model.basis);
    const definitions = new Set<unknown>(model.footnotes.definitions.values());
    const seen = new Set<string>();
    for (const ref of model.footnotes.refs) {
        const def = model.footnotes.definitions.get(ref.id);
        if (seen.has(ref.id) || !def) continue;
        seen.add(ref.id);
        const segs = segments(
            inlineSource(def.parts.slice(1))
                .replace(/^\s*:\s*/, '')
                .trim()
        );
        out.footnotes.push({
            id: ref.id,
            number: out.footnotes.length + 1,
            segments: segs,
            text: segs.map(x => x.text).join('')
        });
    }
    const noteLine = (role: Role, source: string, node?: AstNode): Line => {
        const l = line(role, source, node);
        // A reference prints as its number; a note without a definition keeps its id.
        for (const s of l.segments)
            if (s.note) s.text = String(out.footnotes.find(f => f.id === s.text)?.number ?? s.text);
        return { ...l, text: l.segments.map(x => x.text).join('') };
    };
    const tables = new Map<Table, TableEntry>(model.tables.map(t => [t.node, t]));
    const walkInto =
        (target: Block[]) =>
        (item: BodyItem | SectionItem | KhoanItem | SubKhoanItem, level: number): void => {
            const walk = walkInto(target);
            if (isTable(item)) {
                const table = tableLayout(tables.get(item)!);
                const text = table.rows
                    .flatMap(r => r.cells.map(c => c.text))
                    .filter(Boolean)
                    .join(' ');
                const range = item.$cstNode?.range;
                target.push({
                    role: 'bang',
                    segments: [],
                    text,
                    level,
                    table,
                    ...(range ? { lines: [range.start.line, range.end.line] } : {})
                });
            } else if (isSection(item)) {
                target.push({ ...noteLine('muc', lineSource(item, true)), ...ownLines(item, item.items), level });
                item.items.forEach(i => walk(i, level + 1));
            } else if (isKhoan(item) || isSubKhoan(item)) {
                const titled = item.items.length > 0 && isTitle(inlineSource(item.parts));
                target.push({
                    ...noteLine(titled ? 'khoan-tieu-de' : 'khoan', lineSource(item, true)),
                    ...ownLines(item, item.items),
                    level
                });
                item.items.forEach(i => walk(i, level + 1));
            } else {
                if (definitions.has(item)) return;
                const role: Role = basis.has(item as Paragraph) ? 'can-cu' : item.mark ? 'diem' : 'doan';
                target.push({ ...noteLine(role, lineSource(item, true), item), level });
            }
        };
    const walk = walkInto(out.body);
    doc.body.forEach(i => walk(i, 0));
    for (const annex of model.annexes) {
        const skip = new Set<unknown>([...annex.titles, annex.attached?.node]);
        const body: Block[] = [];
        const inAnnex = walkInto(body);
        annex.node.body.filter(i => !skip.has(i)).forEach(i => inAnnex(i, 0));
        const header = annex.node.headerLines;
        const agencies = joinAgencyLines(header.flatMap(h => (h.agency ? [h.agency.trim()] : [])));
        out.annexes.push({
            header: {
                left: agencies.map((a, i) => line(i < agencies.length - 1 ? 'chu-quan' : 'ban-hanh', a)),
                right: header.flatMap(h =>
                    h.quocHieu
                        ? [line('quoc-hieu', oneLine(h.quocHieu)!)]
                        : h.tieuNgu
                          ? [line('tieu-ngu', oneLine(h.tieuNgu)!)]
                          : h.placeDate
                            ? [line('dia-danh-ngay', oneLine(h.placeDate)!)]
                            : []
                )
            },
            heading: { ...line('phu-luc', annex.heading), ...startLine(annex.node) },
            titles: annex.titles.map(t => line('phu-luc-tieu-de', lineSource(t), t)),
            attached: annex.attached
                ? line('phu-luc-kem-theo', lineSource(annex.attached.node), annex.attached.node)
                : undefined,
            body
        });
    }
    if (doc.noiNhan) {
        out.footer.left.push(line('noi-nhan-tieu-de', 'Nơi nhận:'));
        for (const r of doc.noiNhan.items) out.footer.left.push(line('noi-nhan', lineSource(r), r));
    }
    const sig = model.signature;
    if (sig) {
        for (const n of doc.signature!.notes) out.footer.right.push(line('ghi-chu-ky', n.text));
        const block = (s: { authorities: string[]; titles: string[]; signed?: string; signer?: string }) => [
            ...s.authorities.map(a => line('quyen-han', a)),
            ...s.titles.map(t => line('chuc-vu', t)),
            ...(s.signed ? [line('ghi-chu-ky', s.signed)] : []),
            ...(s.signer ? [line('ho-ten', s.signer)] : [])
        ];
        const range = doc.signature!.$cstNode?.range;
        const place = (l: Line): Line => (range ? { ...l, lines: [range.start.line, range.end.line] } : l);
        out.footer.right.push(...block(sig).map(place));
        out.footer.signers = sig.others.map(block);
    }
    // The indicator table rows are made when read (only an export with --bang-chi-tieu reads them): the values are
    // parsed then.
    let rows: IndicatorRow[] | undefined;
    Object.defineProperty(out, 'indicators', {
        enumerable: true,
        get: () =>
            (rows ??= model.indicators.flatMap((i, n) =>
                i.value.parts.map(t => ({
                    number: i.number !== undefined ? String(i.number) : String(n + 1),
                    name: [t.name, t.subject].filter(Boolean).join(' ') || i.value.raw,
                    unit: t.unit ?? '',
                    target: targetText(t)
                }))
            ))
    });
    const report = reportOf(doc, r => buildModel(r));
    if (report) {
        out.results = {
            rows: report.rows.map((r, n) => ({
                number: r.indicator?.number !== undefined ? String(r.indicator.number) : String(n + 1),
                name: r.target?.name ?? r.indicator?.value.parts[0]?.name ?? r.result.raw,
                target: r.target
                    ? `${targetText(r.target)}${r.target.unit && r.target.unit !== '%' ? ' ' + r.target.unit : (r.target.unit ?? '')}`
                    : '',
                actual: r.result.quantity
                    ? `${quantityRaw(r.result.quantity)}${r.result.unit && r.result.unit !== '%' ? ' ' + r.result.unit : (r.result.unit ?? '')}`
                    : r.result.raw,
                percent: r.evaluation?.percent !== undefined ? `${formatViNumber(r.evaluation.percent, 1)}%` : '',
                status: r.evaluation?.status ?? ''
            })),
            summary: report.summary.text
        };
    }
    return out;
}

function quantityRaw(q: NonNullable<Target['quantity']>): string {
    return q.kind === 'number'
        ? q.number.raw
        : q.kind === 'range'
          ? `${q.low.raw}-${q.high.raw}`
          : q.kind === 'fraction'
            ? `${q.numerator.raw}/${q.denominator.raw}`
            : q.text;
}

function targetText(t: Target): string {
    const q = t.quantity;
    if (!q) return '';
    const target = quantityRaw(q);
    if (!t.comparatorText || q.kind === 'qualitative') return target;
    return t.comparatorText === 'trở lên' || t.comparatorText === 'trở xuống'
        ? `${target} ${t.comparatorText}`
        : `${t.comparatorText} ${target}`;
}

export const RESULT_HEADINGS = ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ', 'Đánh giá'];

/** All text of the page in reading order: the lines, with a report's results table after the body. */
export function pageTexts(l: Layout): string[] {
    const table = l.results
        ? [
              ...l.results.rows.flatMap(r => [r.number, r.name, r.target, r.actual, r.percent, r.status]),
              `Tổng hợp: ${l.results.summary}.`
          ]
        : [];
    return [...l.header.left, ...l.header.right, ...l.title, ...l.body]
        .map(x => x.text)
        .concat(
            l.results ? ['BẢNG KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', ...RESULT_HEADINGS, ...table] : [],
            [...l.footer.left, ...l.footer.right, ...l.footer.signers.flat()].map(x => x.text),
            l.annexes.flatMap(annexLines).map(x => x.text),
            l.footnotes.map(f => `${f.number} ${f.text}`)
        );
}

function annexLines(a: AnnexLayout): Line[] {
    return [
        ...a.header.left,
        ...a.header.right,
        a.heading,
        ...a.titles,
        ...(a.attached ? [a.attached] : []),
        ...a.body
    ];
}

/**
 * The lines in reading order of the page: header left, header right, title, body, footer left, footer right, annexes.
 */
export function layoutLines(l: Layout): Line[] {
    return [
        ...l.header.left,
        ...l.header.right,
        ...l.title,
        ...l.body,
        ...l.footer.left,
        ...l.footer.right,
        ...l.footer.signers.flat(),
        ...l.annexes.flatMap(annexLines)
    ];
}

const BREAK = /<br\s*\/?>/iu;

/** A table as the page shows it: cells with their lines and spans, column widths from what the columns hold. */
export function tableLayout(entry: TableEntry): TableLayout {
    const { grid } = entry;
    const numbering = grid.rows.every(r => r.header || r.cells.filter(c => c.col === 0).every(c => c.text.length <= 6));
    const rows = grid.rows.map(r => ({
        header: r.header,
        cells: r.cells.map(c => {
            const lines = c.text.split(BREAK).map(t => segments(t.trim()));
            const text = lines
                .map(l => l.map(s => s.text).join(''))
                .join(' ')
                .trim();
            const align: Align = r.header
                ? 'center'
                : (grid.align[c.col] ??
                  (c.col === 0 && numbering ? 'center' : isNumericCell(c.text) ? 'right' : 'left'));
            return { lines, text, col: c.col, colSpan: c.colSpan, rowSpan: c.rowSpan, align };
        })
    }));
    // Each column as wide as what it holds: prose wide, numbers and codes narrow, no heading word broken.
    const weight = Array.from({ length: grid.columns }, (_, col) => {
        const own = rows.flatMap(r =>
            r.cells.filter(c => c.colSpan === 1 && c.col === col).map(c => ({ header: r.header, text: c.text }))
        );
        const body = Math.max(1, ...own.filter(c => !c.header).map(c => c.text.length));
        const word = Math.max(1, ...own.flatMap(c => c.text.split(/\s+/)).map(w => w.length));
        return Math.max(Math.min(60, body ** 0.8), word + 2, 4);
    });
    const total = weight.reduce((a, b) => a + b, 0) || 1;
    return { columns: grid.columns, widths: weight.map(w => w / total), rows };
}
