import { WRITTEN_MARK } from '../domain/written-mark.js';
import type { Model } from '../language/generated/ast.js';
import { layout, RESULT_HEADINGS, type Block, type Line, type Role, type TableLayout } from './layout.js';

export interface HtmlOptions {
    /** A nonce for a script the host (the editor's preview) adds; no script is written otherwise. */
    nonce?: string;
    /** A note shown above the page, outside it (the preview's "the text has a syntax error"). */
    notice?: string;
    /** The editor's preview: each block says its source lines (`data-line`), and these findings are marked on it. */
    source?: { marks: Mark[] };
    /** The host's script, written with the nonce at the end of the body. */
    script?: string;
}

/** A finding on a source line (0-based), marked on the block written there. */
export interface Mark {
    line: number;
    severity: 'error' | 'warning' | 'information';
    message: string;
}

const MARK_CLASS: Record<Mark['severity'], string> = {
    error: 'danh-dau loi',
    warning: 'danh-dau canh-bao',
    information: 'danh-dau'
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes every character that HTML could read as markup. */
export function escapeHtml(s: string): string {
    return s.replace(/[&<>"']/g, c => ESCAPES[c]);
}

function inline(segs: Line['segments']): string {
    return segs
        .map(s => {
            if (s.note) return `<sup class="note">${escapeHtml(s.text)}</sup>`;
            let t = escapeHtml(s.text);
            if (s.italic) t = `<em>${t}</em>`;
            if (s.bold) t = `<strong>${t}</strong>`;
            return t;
        })
        .join('');
}

type Render = (l: Line | Block) => string;

/** Renders lines; with `marks`, each placed line carries its source lines and the findings written on them. */
function renderer(marks?: Mark[]): Render {
    const byLine = new Map<number, Mark[]>();
    for (const m of marks ?? []) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
    const attrs = (l: Line, cls: string) => {
        if (!marks || !l.lines) return ` class="${cls}"`;
        const [first, last] = l.lines;
        const found: Mark[] = [];
        for (let line = first; line <= last; line++) found.push(...(byLine.get(line) ?? []));
        const worst = found.find(m => m.severity === 'error') ?? found.find(m => m.severity === 'warning') ?? found[0];
        const title = found.length ? ` title="${escapeHtml(found.map(m => m.message).join('\n'))}"` : '';
        return ` class="${cls}${worst ? ' ' + MARK_CLASS[worst.severity] : ''}" data-line="${first}" data-end="${last}"${title}`;
    };
    return l => {
        if ('table' in l && l.table) return renderTable(l.table, attrs(l, 'grid'));
        return `<p${attrs(l, l.role satisfies Role)}>${inline(l.segments)}</p>`;
    };
}

function renderTable(t: TableLayout, attributes = ' class="grid"'): string {
    const cols = t.widths.map(w => `<col style="width:${(w * 100).toFixed(1)}%">`).join('');
    const row = (r: TableLayout['rows'][number]) =>
        `<tr>${r.cells
            .map(c => {
                const tag = r.header ? 'th' : 'td';
                const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
                return `<${tag}${span} class="${c.align}">${c.lines.map(inline).join('<br>')}</${tag}>`;
            })
            .join('')}</tr>`;
    const head = t.rows.filter(r => r.header),
        body = t.rows.filter(r => !r.header);
    return (
        `<table${attributes}><colgroup>${cols}</colgroup>${head.length ? `<thead>${head.map(row).join('')}</thead>` : ''}` +
        `<tbody>${body.map(row).join('')}</tbody></table>`
    );
}

const STYLE = `
body { margin: 0; background: #e8e8e8; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 20mm 15mm 20mm 30mm; background: #fff;
  color: #000; font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.15; }
p { margin: 0; }
table.cols { width: 100%; border-collapse: collapse; }
table.cols td { vertical-align: top; padding: 0; text-align: center; }
td.left { width: 38%; } td.right { width: 62%; }
.chu-quan, .ban-hanh, .quoc-hieu, .trich-yeu-cv { font-size: 12pt; } .so { font-size: 13pt; }
.ban-hanh, .quoc-hieu, .tieu-ngu, .ten-loai, .trich-yeu, .muc, .khoan-tieu-de, .quyen-han, .chuc-vu, .ho-ten { font-weight: bold; }
.ban-hanh::after { content: ""; display: block; width: 35%; margin: 1px auto 0; border-top: 1px solid #000; }
.tieu-ngu { display: inline-block; border-bottom: 1px solid #000; }
.dia-danh-ngay { font-style: italic; margin-top: 6pt; }
.title { text-align: center; margin-top: 18pt; }
.trich-yeu::after { content: ""; display: block; width: 20%; margin: 2px auto 12pt; border-top: 1px solid #000; }
.body p { text-align: justify; text-indent: 1.27cm; margin-bottom: 6pt; }
.can-cu { font-style: italic; }
table.footer { margin-top: 12pt; }
table.footer td.left { text-align: left; }
.noi-nhan-tieu-de { font-size: 12pt; font-weight: bold; font-style: italic; }
.noi-nhan { font-size: 11pt; }
.ho-ten { margin-top: 4.5em; }
.ghi-chu-ky { font-style: italic; }
table.results { width: 100%; border-collapse: collapse; font-size: 12pt; margin-top: 12pt; }
table.results th, table.results td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; }
.summary { font-weight: bold; margin-top: 6pt; }
table.grid { width: 100%; border-collapse: collapse; font-size: 13pt; margin: 6pt 0; }
table.grid th, table.grid td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; text-indent: 0; }
table.grid th { font-weight: bold; text-align: center; }
table.grid .right { text-align: right; } table.grid .center { text-align: center; } table.grid .left { text-align: left; }
.phu-luc, .phu-luc-tieu-de, .phu-luc-kem-theo { text-align: center; }
.phu-luc, .phu-luc-tieu-de { font-weight: bold; } .phu-luc-kem-theo { font-style: italic; margin-bottom: 12pt; }
table.signers td { text-align: center; vertical-align: top; }
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@media print {
  body { background: #fff; } .notice { display: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; zoom: 1 !important; }
  .page + .page { break-before: page; }
  table.footer, table.grid tr { break-inside: avoid; } .muc, .khoan-tieu-de { break-after: avoid; }
}
.footnotes { border-top: 1px solid #000; width: 35%; margin-top: 12pt; } .footnotes p { font-size: 12pt; width: 280%; }
.danh-dau { text-decoration: underline wavy #1a73e8; text-decoration-skip-ink: none; cursor: pointer; }
.danh-dau.canh-bao { text-decoration-color: #c77700; } .danh-dau.loi { text-decoration-color: #d00; }
table.danh-dau { outline: 2px dashed #c77700; } table.danh-dau.loi { outline-color: #d00; }
.notice { max-width: 210mm; box-sizing: border-box; margin: 12px auto 0; padding: 6pt 10pt; background: #fff4e5; border: 1px solid #c77700;
  font-family: sans-serif; font-size: 11pt; }
`;

/**
 * The document as an HTML page laid out like the official page. Self-contained: no remote resource, all text escaped.
 */
export function generateHtml(root: Model, options: HtmlOptions = {}): string {
    const l = layout(root);
    const render = renderer(options.source?.marks);
    // The page's header (and the one a text issued with the document repeats): agency left, Quốc hiệu right.
    const headerTable = (h: { left: Line[]; right: Line[] }) =>
        `<table class="cols header"><tr><td class="left">${h.left.map(render).join('')}</td><td class="right">${h.right.map(render).join('')}</td></tr></table>`;
    const title = escapeHtml(l.title.map(t => t.text).join(' — ') || 'Văn bản');
    const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src 'none'${options.nonce ? `; script-src 'nonce-${escapeHtml(options.nonce)}'` : ''}`;
    return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="generator" content="${WRITTEN_MARK}">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${options.notice ? `<p class="notice" role="alert">${escapeHtml(options.notice)}</p>\n` : ''}<div class="page">
${headerTable(l.header)}
<div class="title">${l.title.map(render).join('')}</div>
<div class="body">${l.body.map(render).join('\n')}</div>
${l.results ? `<table class="results"><thead><tr>${RESULT_HEADINGS.map(h => `<th>${h}</th>`).join('')}</tr></thead><tbody>${l.results.rows.map(r => `<tr>${[r.number, r.name, r.target, r.actual, r.percent, r.status].map(c => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table><p class="summary">Tổng hợp: ${escapeHtml(l.results.summary)}.</p>` : ''}
${l.footnotes.length ? `<div class="footnotes">${l.footnotes.map(f => `<p><sup>${f.number}</sup> ${inline(f.segments)}</p>`).join('')}</div>` : ''}
${
    l.footer.signers.length
        ? `<table class="cols footer signers"><tr>${[l.footer.right, ...l.footer.signers].map(s => `<td>${s.map(render).join('')}</td>`).join('')}</tr></table>` +
          `<div class="footer-left">${l.footer.left.map(render).join('')}</div>`
        : l.footer.left.length || l.footer.right.length
          ? `<table class="cols footer"><tr><td class="left">${l.footer.left.map(render).join('')}</td><td class="right">${l.footer.right.map(render).join('')}</td></tr></table>`
          : ''
}
</div>
${l.annexes
    .map(
        a => `<div class="page annex">${
            a.header.left.length || a.header.right.length ? headerTable(a.header) : ''
        }${[a.heading, ...a.titles, ...(a.attached ? [a.attached] : [])].map(render).join('')}
<div class="body">${a.body.map(render).join('\n')}</div></div>`
    )
    .join('\n')}
${options.script && options.nonce ? `<script nonce="${escapeHtml(options.nonce)}">${options.script}</script>\n` : ''}</body>
</html>
`;
}
