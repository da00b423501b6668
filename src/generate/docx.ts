import { WRITTEN_MARK } from '../domain/written-mark.js';
import {
    AlignmentType,
    BorderStyle,
    Document as DocxDocument,
    FootnoteReferenceRun,
    Header,
    PageNumber,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    VerticalAlign,
    WidthType,
    convertMillimetersToTwip,
    type IBorderOptions,
    type IParagraphOptions,
    type IRunOptions,
    type ISectionOptions
} from 'docx';
import { xmlSafe } from '../domain/xml-chars.js';
import type { Model } from '../language/generated/ast.js';
import {
    layout,
    RESULT_HEADINGS,
    type AnnexLayout,
    type Block,
    type Line,
    type Role,
    type TableLayout
} from './layout.js';

// A Word file holding a character XML 1.0 forbids does not open: `thidua check` warns (`ky-tu-khong-hop-le`),
// export drops it.
function textRun(o: IRunOptions): TextRun {
    return new TextRun(typeof o.text === 'string' ? { ...o, text: xmlSafe(o.text) } : o);
}

/** Page and type settings, within the ranges of NĐ 30/2020 Phụ lục I (defaults: the decree's examples). */
export interface DocxOptions {
    margins?: { top?: number; bottom?: number; left?: number; right?: number };
    /** Body size in points, 13 or 14. */
    fontSize?: number;
    /** Add a table of the document's indicators at the end ("Bảng tổng hợp chỉ tiêu"). */
    indicatorTable?: boolean;
}

export const MARGIN_RANGES = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] } as const;
const FONT = 'Times New Roman';
const FONTS = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
const A4 = { width: 11906, height: 16838 };
const FIRST_LINE_INDENT = 720; // 1,27 cm
const AFTER = 120; // 6 pt

const clamp = (v: number | undefined, [lo, hi]: readonly [number, number], d: number) =>
    Math.min(hi, Math.max(lo, v ?? d));

/** Size and style of each component (NĐ 30 Phụ lục I, mục II và bảng tại mục V). Sizes in points. */
const STYLE: Record<
    Role,
    { size: number; bold?: boolean; italics?: boolean; caps?: boolean; align: 'center' | 'left' | 'both' }
> = {
    'chu-quan': { size: 12, align: 'center' },
    'ban-hanh': { size: 12, bold: true, align: 'center' },
    so: { size: 13, align: 'center' },
    // NĐ 30/2020 Phụ lục I, mục II.5b: trích yếu của công văn under the number, 12-13 đứng.
    'trich-yeu-cv': { size: 12, align: 'center' },
    'quoc-hieu': { size: 12, bold: true, align: 'center' },
    'tieu-ngu': { size: 14, bold: true, align: 'center' },
    'dia-danh-ngay': { size: 14, italics: true, align: 'center' },
    'ten-loai': { size: 14, bold: true, align: 'center' },
    'trich-yeu': { size: 14, bold: true, align: 'center' },
    'can-cu': { size: 14, italics: true, align: 'both' },
    muc: { size: 14, bold: true, align: 'both' },
    'khoan-tieu-de': { size: 14, bold: true, align: 'both' },
    khoan: { size: 14, align: 'both' },
    diem: { size: 14, align: 'both' },
    doan: { size: 14, align: 'both' },
    'noi-nhan-tieu-de': { size: 12, bold: true, italics: true, align: 'left' },
    'noi-nhan': { size: 11, align: 'left' },
    'quyen-han': { size: 14, bold: true, align: 'center' },
    'chuc-vu': { size: 14, bold: true, align: 'center' },
    'ghi-chu-ky': { size: 14, italics: true, align: 'center' },
    'ho-ten': { size: 14, bold: true, align: 'center' },
    'phu-luc': { size: 14, bold: true, align: 'center' },
    'phu-luc-tieu-de': { size: 14, bold: true, align: 'center' },
    'phu-luc-kem-theo': { size: 14, italics: true, align: 'center' },
    bang: { size: 13, align: 'left' }
};

/** Lines that must stay on the page of the line after them: headings, and the signature block. */
const KEEP_NEXT = new Set<Role>([
    'ten-loai',
    'trich-yeu',
    'muc',
    'khoan-tieu-de',
    'phu-luc',
    'phu-luc-tieu-de',
    'phu-luc-kem-theo',
    'quyen-han',
    'chuc-vu',
    'ghi-chu-ky',
    'noi-nhan-tieu-de',
    'noi-nhan'
]);

const ALIGN = {
    center: AlignmentType.CENTER,
    left: AlignmentType.LEFT,
    right: AlignmentType.RIGHT,
    both: AlignmentType.JUSTIFIED
} as const;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const SOLID: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function runs(l: Line, bodySize: number): (TextRun | FootnoteReferenceRun)[] {
    const st = STYLE[l.role];
    const size = (st.size === 14 ? bodySize : st.size) * 2;
    return l.segments.map(s =>
        s.note && /^[0-9]+$/.test(s.text)
            ? new FootnoteReferenceRun(Number(s.text))
            : textRun({
                  text: s.text,
                  font: FONTS,
                  size,
                  bold: st.bold || s.bold || undefined,
                  italics: st.italics || s.italic || undefined
              })
    );
}

function paragraph(l: Line, bodySize: number, extra: Partial<IParagraphOptions> = {}): Paragraph {
    const st = STYLE[l.role];
    const body = st.align === 'both';
    return new Paragraph({
        children: runs(l, bodySize),
        alignment: ALIGN[st.align],
        indent: body ? { firstLine: FIRST_LINE_INDENT } : undefined,
        spacing: body ? { after: AFTER, line: 276 } : { after: 0, line: 240 },
        keepNext: KEEP_NEXT.has(l.role) || undefined,
        keepLines: KEEP_NEXT.has(l.role) || undefined,
        ...extra
    });
}

/** A table of the body: borders, header rows repeated on every page, rows kept whole, merged cells. */
export function gridTable(t: TableLayout, width: number, size: number): Table {
    const widths = t.widths.map(f => Math.round(width * f));
    const run = (seg: { text: string; bold: boolean; italic: boolean }, header: boolean) =>
        textRun({
            text: seg.text,
            font: FONTS,
            size: size * 2,
            bold: header || seg.bold || undefined,
            italics: seg.italic || undefined
        });
    const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    return new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: widths,
        rows: t.rows.map(
            r =>
                new TableRow({
                    tableHeader: r.header || undefined,
                    cantSplit: true,
                    children: r.cells.map(
                        c =>
                            new TableCell({
                                width: { size: spanWidth(c.col, c.colSpan), type: WidthType.DXA },
                                columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
                                rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
                                verticalAlign: VerticalAlign.CENTER,
                                margins: { left: 80, right: 80 },
                                children: c.lines.map(
                                    segs =>
                                        new Paragraph({
                                            alignment: ALIGN[c.align === 'right' ? 'right' : c.align],
                                            spacing: { before: 40, after: 40 },
                                            children: segs.map(seg => run(seg, r.header))
                                        })
                                )
                            })
                    )
                })
        )
    });
}

/**
 * A centred rule under a line, as long as `fraction` of the cell (NĐ 30: 1/3–1/2 of the text; Tiêu ngữ: its full
 * length).
 */
function rule(widthTwips: number, fraction: number): Paragraph {
    const inset = Math.round((widthTwips * (1 - fraction)) / 2);
    return new Paragraph({
        children: [],
        border: { top: SOLID },
        indent: { left: inset, right: inset },
        spacing: { after: 0, before: 0, line: 240 }
    });
}

function cell(children: Paragraph[], width: number): TableCell {
    return new TableCell({
        children: children.length ? children : [new Paragraph({})],
        width: { size: width, type: WidthType.DXA },
        borders: NO_BORDERS
    });
}

/** The Word document of a .thidua document, in the official format of NĐ 30/2020. Pure: AST in, document out. */
export function generateDocx(root: Model, options: DocxOptions = {}): DocxDocument {
    const l = layout(root);
    const bodySize = options.fontSize === 13 ? 13 : 14;
    const m = {
        top: clamp(options.margins?.top, MARGIN_RANGES.top, 20),
        bottom: clamp(options.margins?.bottom, MARGIN_RANGES.bottom, 20),
        left: clamp(options.margins?.left, MARGIN_RANGES.left, 30),
        right: clamp(options.margins?.right, MARGIN_RANGES.right, 15)
    };
    const textWidth = A4.width - convertMillimetersToTwip(m.left) - convertMillimetersToTwip(m.right);
    const leftWidth = Math.round(textWidth * 0.38),
        rightWidth = textWidth - leftWidth;

    const headerColumns = (left: Line[], right: Line[]): [Paragraph[], Paragraph[]] => {
        const headerLeft: Paragraph[] = [];
        for (const line of left) {
            headerLeft.push(paragraph(line, bodySize));
            if (line.role === 'ban-hanh') headerLeft.push(rule(leftWidth, 0.35));
        }
        const headerRight: Paragraph[] = [];
        for (const line of right) {
            headerRight.push(
                paragraph(line, bodySize, line.role === 'dia-danh-ngay' ? { spacing: { before: 120, after: 0 } } : {})
            );
            if (line.role === 'tieu-ngu') headerRight.push(rule(rightWidth, 0.62));
        }
        return [headerLeft, headerRight];
    };
    const [headerLeft, headerRight] = headerColumns(l.header.left, l.header.right);
    const title: Paragraph[] = l.title.map((line, i) =>
        paragraph(line, bodySize, { spacing: { before: i === 0 ? 360 : 0, after: 0 } })
    );
    if (l.title.length) title.push(rule(textWidth, 0.2), new Paragraph({ spacing: { after: 120 } }));
    // A small gap after a table keeps the next line off its border.
    const blocks = (items: Block[]) =>
        items.flatMap(b =>
            b.table
                ? [
                      gridTable(b.table, textWidth, bodySize - 1),
                      new Paragraph({ children: [], spacing: { before: 0, after: 60, line: 240 } })
                  ]
                : [paragraph(b, bodySize)]
        );
    const body = blocks(l.body);

    const footerLeft = l.footer.left.map(line => paragraph(line, bodySize));
    const signerBlock = (lines: Line[]) => {
        const out: Paragraph[] = [];
        for (const line of lines) {
            if (line.role === 'ho-ten')
                for (let i = 0; i < 4; i++)
                    out.push(new Paragraph({ children: [], spacing: { after: 0 }, keepNext: true }));
            out.push(paragraph(line, bodySize));
        }
        return out;
    };
    const footerRight = signerBlock(l.footer.right);

    // One row that is not split across pages: the Nơi nhận and the signature block stay together.
    const table = (columns: Paragraph[][], widths: number[]) =>
        new Table({
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: widths,
            borders: NO_BORDERS,
            rows: [new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(c, widths[i])) })]
        });

    const children: (Paragraph | Table)[] = [
        table([headerLeft, headerRight], [leftWidth, rightWidth]),
        ...title,
        ...body
    ];
    if (l.results) children.push(...resultsTable(l.results, textWidth));
    if (l.footer.signers.length) {
        // Signers side by side (liên tịch), the Nơi nhận under them.
        const all = [footerRight, ...l.footer.signers.map(signerBlock)];
        const w = Math.floor(textWidth / all.length);
        children.push(
            new Paragraph({ spacing: { after: 120 }, keepNext: true }),
            table(
                all,
                all.map(() => w)
            )
        );
        if (footerLeft.length) children.push(new Paragraph({ spacing: { after: 120 }, keepNext: true }), ...footerLeft);
    } else if (footerLeft.length || footerRight.length) {
        children.push(
            new Paragraph({ spacing: { after: 120 }, keepNext: true }),
            table([footerLeft, footerRight], [leftWidth, rightWidth])
        );
    }

    const pageNumber = () =>
        new Header({
            children: [
                new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [textRun({ children: [PageNumber.CURRENT], font: FONTS, size: bodySize * 2 })]
                })
            ]
        });
    const page = {
        size: { width: A4.width, height: A4.height },
        margin: {
            top: convertMillimetersToTwip(m.top),
            bottom: convertMillimetersToTwip(m.bottom),
            left: convertMillimetersToTwip(m.left),
            right: convertMillimetersToTwip(m.right),
            header: convertMillimetersToTwip(m.top / 2),
            footer: convertMillimetersToTwip(m.bottom / 2)
        }
    };
    const sections: ISectionOptions[] = [];
    // An annex alone in its file has no page of the document before it.
    if (children.length > 1 || !l.annexes.length || l.header.left.length || l.header.right.length) {
        sections.push({
            properties: { titlePage: true, page },
            headers: { first: new Header({ children: [new Paragraph({ children: [] })] }), default: pageNumber() },
            children
        });
    }
    // Each Phụ lục starts a page and numbers its pages from 1 (NĐ 30/2020 Phụ lục I, mục II.11).
    for (const annex of l.annexes) {
        sections.push({
            properties: { titlePage: true, page: { ...page, pageNumbers: { start: 1 } } },
            headers: { first: new Header({ children: [new Paragraph({ children: [] })] }), default: pageNumber() },
            children: annexChildren(annex, bodySize, blocks, (left, right) =>
                table(headerColumns(left, right), [leftWidth, rightWidth])
            )
        });
    }
    if (options.indicatorTable && l.indicators.length)
        sections.push(indicatorSection(l.indicators, textWidth, bodySize, m));

    const footnotes = Object.fromEntries(
        l.footnotes.map(f => [
            f.number,
            {
                children: [
                    new Paragraph({
                        alignment: AlignmentType.JUSTIFIED,
                        children: f.segments.map(x =>
                            textRun({
                                text: x.text,
                                font: FONTS,
                                size: 24,
                                bold: x.bold || undefined,
                                italics: x.italic || undefined
                            })
                        )
                    })
                ]
            }
        ])
    );
    // Properties (carried into the PDF): title = trích yếu, author = cơ quan ban hành, subject = tên loại.
    const kind = l.title.find(t => t.role === 'ten-loai')?.text,
        subject = l.title.find(t => t.role === 'trich-yeu')?.text;
    return new DocxDocument({
        creator: xmlSafe(l.model.issuer ?? 'thidua'),
        lastModifiedBy: 'thidua',
        keywords: WRITTEN_MARK,
        customProperties: [{ name: WRITTEN_MARK, value: 'thidua' }],
        footnotes,
        title: xmlSafe(subject ?? l.title.map(t => t.text).join(' ')),
        ...(kind ? { subject: xmlSafe(kind) } : {}),
        ...(l.model.number ? { description: xmlSafe(`Số: ${l.model.number.raw}`) } : {}),
        styles: { default: { document: { run: { font: FONTS, size: bodySize * 2 } } } },
        sections
    });
}

/** A Báo cáo's results: STT, chỉ tiêu, kế hoạch, thực hiện, tỷ lệ, đánh giá; then the summary line. */
function resultsTable(
    results: NonNullable<ReturnType<typeof layout>['results']>,
    width: number
): (Paragraph | Table)[] {
    const frac = [0.07, 0.35, 0.16, 0.16, 0.12, 0.14];
    const widths = frac.map(f => Math.round(width * f));
    const cellText = (text: string, w: number, bold = false) =>
        new TableCell({
            width: { size: w, type: WidthType.DXA },
            children: [
                new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [textRun({ text, font: FONTS, size: 24, bold: bold || undefined })]
                })
            ]
        });
    const head = RESULT_HEADINGS;
    return [
        new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            children: [textRun({ text: 'BẢNG KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', font: FONTS, size: 26, bold: true })]
        }),
        new Table({
            width: { size: width, type: WidthType.DXA },
            columnWidths: widths,
            rows: [
                new TableRow({ tableHeader: true, children: head.map((h, i) => cellText(h, widths[i], true)) }),
                ...results.rows.map(
                    r =>
                        new TableRow({
                            children: [r.number, r.name, r.target, r.actual, r.percent, r.status].map((t, i) =>
                                cellText(t, widths[i])
                            )
                        })
                )
            ]
        }),
        new Paragraph({
            spacing: { before: 120, after: 120 },
            children: [textRun({ text: `Tổng hợp: ${results.summary}.`, font: FONTS, size: 28, bold: true })]
        })
    ];
}

function annexChildren(
    a: AnnexLayout,
    bodySize: number,
    blocks: (items: Block[]) => (Paragraph | Table)[],
    header: (left: Line[], right: Line[]) => Table
): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    if (a.header.left.length || a.header.right.length)
        out.push(header(a.header.left, a.header.right), new Paragraph({ children: [], spacing: { after: 120 } }));
    out.push(paragraph(a.heading, bodySize));
    for (const t of a.titles) out.push(paragraph(t, bodySize));
    if (a.attached) out.push(paragraph(a.attached, bodySize));
    out.push(new Paragraph({ children: [], spacing: { after: 120 } }), ...blocks(a.body));
    return out;
}

function indicatorSection(
    rows: ReturnType<typeof layout>['indicators'],
    width: number,
    bodySize: number,
    m: { top: number; bottom: number; left: number; right: number }
) {
    const widths = [Math.round(width * 0.08), Math.round(width * 0.52), Math.round(width * 0.15)];
    widths.push(width - widths[0] - widths[1] - widths[2]);
    const cellText = (text: string, w: number, bold = false, align: 'center' | 'left' = 'left') =>
        new TableCell({
            width: { size: w, type: WidthType.DXA },
            children: [
                new Paragraph({
                    alignment: ALIGN[align],
                    children: [textRun({ text, font: FONTS, size: 26, bold: bold || undefined })]
                })
            ]
        });
    const head = ['STT', 'Chỉ tiêu', 'Đơn vị', 'Mục tiêu'];
    return {
        properties: {
            titlePage: false,
            page: {
                size: { width: A4.width, height: A4.height },
                margin: {
                    top: convertMillimetersToTwip(m.top),
                    bottom: convertMillimetersToTwip(m.bottom),
                    left: convertMillimetersToTwip(m.left),
                    right: convertMillimetersToTwip(m.right)
                }
            }
        },
        headers: {},
        children: [
            new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { after: 240 },
                children: [
                    textRun({ text: 'BẢNG TỔNG HỢP CÁC CHỈ TIÊU THI ĐUA', font: FONTS, size: bodySize * 2, bold: true })
                ]
            }),
            new Table({
                width: { size: width, type: WidthType.DXA },
                columnWidths: widths,
                rows: [
                    new TableRow({
                        tableHeader: true,
                        children: head.map((h, i) => cellText(h, widths[i], true, 'center'))
                    }),
                    ...rows.map(
                        r =>
                            new TableRow({
                                children: [
                                    cellText(r.number, widths[0], false, 'center'),
                                    cellText(r.name, widths[1]),
                                    cellText(r.unit, widths[2], false, 'center'),
                                    cellText(r.target, widths[3], false, 'center')
                                ]
                            })
                    )
                ]
            })
        ]
    } as never;
}
