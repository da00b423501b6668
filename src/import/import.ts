import { readScoring, TOTAL_ROW } from '../domain/scoring.js';
import { buildGrid } from '../domain/table-grid.js';
import { documentKinds } from '../domain/tables.js';
import { isKindTitle, prepare, type Line } from './lines.js';
import { isQuantityCell, spansOf } from './spans.js';
import { NOTE_CLOSE, NOTE_OPEN } from './word.js';

const FOOTNOTE = new RegExp(`${NOTE_OPEN}([0-9]+)${NOTE_CLOSE}`, 'g');

/** What the import typed, and what it left as plain prose. */
export interface ImportStats {
    indicators: number;
    citations: number;
    dates: number;
    proseLines: number;
    tables: number;
    chrome: number;
}
export interface ImportResult {
    text: string;
    stats: ImportStats;
    cited: string[];
}

const QUOC_HIEU = /CỘNG HO?[ÒÀ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM/u;
const TIEU_NGU = /Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;
const KIND_TITLES = documentKinds.filter(k => k.campaign).map(k => k.title);
const NUMBER_LINE = /^Số\s*:?\s*[0-9]*\s*[/-]\s*[A-ZĐ]\S*/u;
const PLACE_DATE =
    /^[^,\n]{1,60}, ngày[ \t]+(?:[0-9…. \t]*tháng[0-9…. \t]*năm[ \t]*[0-9]{0,4}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})\s*$/u;
const isCaps = (s: string) => /[A-ZĐÀ-Ỹ]/u.test(s) && s === s.toUpperCase() && /\p{L}.*\p{L}/u.test(s);

/** Removes Markdown heading marks and a bold/italic wrapping the whole line (web copies), keeps inline emphasis. */
function clean(line: string): string {
    let l = line
        .replace(/\u00a0/g, '\u00a0')
        .replace(/^#{1,6}\s+/, '')
        .replace(/\s+$/, '')
        // Emphasis on a piece of a number or on "số" before it is the copy's markup ("**1**52/2025", "**số** 72").
        .replace(/\*\*([0-9]{1,3}|số)\*\*(?=[0-9]|\s+[0-9])/gu, '$1');
    const whole = /^\*{1,3}([^*].*?[^*])\*{1,3}$/u.exec(l);
    if (whole && !/^\*{3}“/.test(l)) l = whole[1];
    // Bold across two lines ("**TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH**"): drop the unpaired marks.
    if ((l.match(/\*\*/g) ?? []).length % 2 === 1) l = l.replace(/^\*\*(?=\S)/, '').replace(/(?<=\S)\*\*$/, '');
    return l;
}

const HEADER_RULE = /^[-_=*.…–—~][-_=*.…–—~ \t]*$/u;

const escape = (s: string) => s.replace(/[\\[\]{}]/g, c => '\\' + c);

/** Splits the flattened or `|`-separated header rows of law sites into the page's two columns. */
function header(lines: string[]): { left: string[]; right: string[]; rest: string[] } {
    const left: string[] = [],
        right: string[] = [];
    let i = 0,
        lastRight = false;
    for (; i < lines.length; i++) {
        const l = lines[i].trim();
        if (!l) continue;
        if (isKindTitle(l) || /[[\]{}\\]/.test(l)) break;
        const cells = l.includes('|')
            ? l
                  .split('|')
                  .map(c => c.trim())
                  .filter(Boolean)
            : [l];
        const pieces: string[] = [];
        for (const c of cells) {
            // A flattened row: "ỦY BAN NHÂN DÂN … CỘNG HÒA …", "Số: 12/KH-UBND Tam Đường, ngày …".
            let rest = c;
            for (const re of [QUOC_HIEU, TIEU_NGU]) {
                const m = re.exec(rest);
                if (m && rest !== m[0]) {
                    pieces.push(...[rest.slice(0, m.index), m[0]].map(x => x.trim()).filter(Boolean));
                    rest = rest.slice(m.index + m[0].length).trim();
                }
            }
            const so = /^(Số\s*:?\s*[0-9]*\s*[/-]\s*[A-ZĐ][^\s]*)\s+(\S.*, ngày .*)$/u.exec(rest);
            if (so) pieces.push(so[1], so[2].replace(/^\*+|\*+$/g, '').trim());
            else if (rest) pieces.push(rest);
        }
        // The place and date close the header (NĐ 30, Phụ lục I): capitals after them are the title.
        if (
            right.some(x => PLACE_DATE.test(x)) &&
            !pieces.some(p => QUOC_HIEU.test(p) || TIEU_NGU.test(p) || NUMBER_LINE.test(p))
        )
            break;
        let consumed = false;
        for (const p of pieces) {
            // A rule drawn under the agency or the Tiêu ngữ (a Word header keeps it) stays in its column.
            if (HEADER_RULE.test(p)) (lastRight ? right : left).push(p);
            else if (QUOC_HIEU.test(p) || TIEU_NGU.test(p) || PLACE_DATE.test(p)) {
                right.push(p);
                lastRight = true;
            } else if (NUMBER_LINE.test(p) || isCaps(p)) {
                left.push(p);
                lastRight = false;
            } else {
                consumed = true;
                break;
            }
        }
        if (consumed) break;
    }
    // The grammar's order: agencies and the national lines, then the number, then place and date.
    const ordered = [
        ...left.filter(x => !NUMBER_LINE.test(x)),
        ...right.filter(x => !PLACE_DATE.test(x)),
        ...left.filter(x => NUMBER_LINE.test(x)).slice(0, 1),
        ...right.filter(x => PLACE_DATE.test(x)).slice(0, 1)
    ];
    return { left: ordered, right: [], rest: lines.slice(i) };
}

/** Turns the text of a document (as copied from a web page, a law site, or read out of a .docx) into .thidua. */
export function importText(input: string): ImportResult {
    return importLines(prepare(input));
}

/** Imports lines already read (a Word document's paragraphs and tables, or a prepared text). */
export function importLines(prepared: { lines: Line[]; chrome: number }): ImportResult {
    const stats: ImportStats = {
        indicators: 0,
        citations: 0,
        dates: 0,
        proseLines: 0,
        tables: 0,
        chrome: prepared.chrome
    };
    const cited: string[] = [];
    // The site's own lines before the document stay as comments at the top.
    const all = prepared.lines;
    const first = all.findIndex(l => !l.comment && (l.text.trim() || l.table));
    const out: string[] = all
        .slice(0, first < 0 ? all.length : first)
        .filter(l => l.comment)
        .map(l => `// ${l.text.trim()}`);
    const kept = first < 0 ? [] : all.slice(first);
    const tables = new Map<string, Line>();
    // Tables and comments travel through the line-based steps below as placeholders.
    const lines = kept.map((l, n) => {
        if (!l.table && !l.comment) return clean(l.text);
        const key = `\u0000${n}\u0000`;
        tables.set(key, l);
        return key;
    });
    const { left, rest } = header(lines);
    out.push(...left);
    let i = 0;
    while (i < rest.length && !rest[i].trim()) i++;
    const kindLine = rest[i]?.replace(/\*/g, '').trim();
    if (kindLine && KIND_TITLES.includes(kindLine)) {
        out.push('', kindLine);
        i++;
        while (i < rest.length && !rest[i].trim()) i++;
        if (i < rest.length && !tables.has(rest[i])) {
            let subject = escape(rest[i].trim());
            for (const sp of spansOf(subject, false, false).reverse()) {
                subject =
                    subject.slice(0, sp.start) +
                    (sp.kind === 'cite'
                        ? `[${subject.slice(sp.start, sp.end)}]`
                        : `{${subject.slice(sp.start, sp.end)}}`) +
                    subject.slice(sp.end);
                if (sp.what === 'date') stats.dates++;
                else stats.citations++;
            }
            out.push(subject, '');
            i++;
        }
    }
    let section = '';
    let listContext = false;
    for (; i < rest.length; i++) {
        const line = rest[i];
        if (!line.trim()) {
            out.push('');
            continue;
        }
        const placed = tables.get(line);
        if (placed?.comment) {
            out.push(`// ${placed.text.trim()}`);
            continue;
        }
        if (placed?.table) {
            stats.tables++;
            const table = tableRows(placed.table);
            stats.indicators += table.typed;
            stats.citations += table.citations;
            stats.dates += table.dates;
            out.push('', ...table.lines, '');
            continue;
        }
        const marker =
            /^(\s*(?:[IVXLC]{1,6}\.|[0-9]{1,3}(?:\.[0-9]{1,2})*\.(?=\s)|[0-9]{1,3}(?:\.[0-9]{1,2})+(?=\s)|\(?[0-9]{1,3}\)|\(?[a-zđ]\)|[-+•–](?:\s+[0-9]{1,3}\))?)\s+)?/u.exec(
                line
            )![0];
        const body = line.slice(marker.length);
        if (/^\s*[IVXLC]{1,6}\./u.test(marker)) section = body.toUpperCase();
        if (/^\s*Nơi nhận/u.test(line)) section = 'NƠI NHẬN';
        else if (
            section === 'NƠI NHẬN' &&
            (/^\s*(?:TM|KT|Q|TL|TUQ)\.\s/u.test(line) || /^[\p{Lu}\s,.-]+$/u.test(line.replace(/\*/g, '')))
        )
            section = 'CHỮ KÝ';
        else if (
            section === 'NƠI NHẬN' &&
            !/^\s*[-+•–]/u.test(line) &&
            /;\s*$/u.test(line) &&
            !/^[\p{Lu}\s,-]+$/u.test(line.replace(/\*/g, ''))
        ) {
            // A recipient whose "-" the copy lost.
            out.push(`- ${escape(line.trim())}`);
            continue;
        }
        const numbered = /[0-9]\)\s*$/.test(marker.trim()) && !/^[-+•–]\s*$/.test(marker.trim());
        const bullet = /^\s*[-+•–]/.test(marker);
        const context = section.includes('CHỈ TIÊU') || listContext || /chỉ tiêu|phấn đấu/iu.test(body);
        const escaped = escape(body);
        const spans =
            section === 'NƠI NHẬN'
                ? []
                : spansOf(escaped, context, numbered || (section.includes('CHỈ TIÊU') && bullet));
        let text = escaped;
        for (const s of [...spans].reverse()) {
            const inner = text.slice(s.start, s.end);
            text = text.slice(0, s.start) + (s.kind === 'cite' ? `[${inner}]` : `{${inner}}`) + text.slice(s.end);
            if (s.what === 'citation') {
                stats.citations++;
                cited.push(inner);
            } else if (s.what === 'date') stats.dates++;
            else stats.indicators++;
        }
        if (!spans.length) stats.proseLines++;
        // A line of the document that starts like a comment ("//") is kept as prose.
        out.push(!marker && /^\s*\/\//.test(text) ? `\\${text.trimStart()}` : marker + text);
        // A paragraph announcing indicators ("… các chỉ tiêu chủ yếu sau:") makes the list after it one.
        if (!bullet && !numbered) listContext = /chỉ tiêu[^.]*:\s*$/iu.test(body) || (listContext && false);
    }
    const text =
        out
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trim()
            .replace(FOOTNOTE, '[^$1]') + '\n';
    return { text, stats, cited };
}

/**
 * Pipe rows of a rebuilt table: rows without a word are left out; the first row is the header, and so is each row
 * under it that continues it ("^" under a cell that spans two rows); a "|" in a cell is escaped. A scoring table is
 * typed by its columns (the language reads its points); in another table each cell holding only a quantity is typed,
 * except in a numbering column. `typed` counts the rows that carry a typed figure.
 */
function tableRows(rows: string[][]): { lines: string[]; typed: number; citations: number; dates: number } {
    const kept = rows.filter(r => r.some(c => c.trim() && c.trim() !== '<' && c.trim() !== '^'));
    const none = { lines: [], typed: 0, citations: 0, dates: 0 };
    if (!kept.length) return none;
    let header = 1;
    while (header < kept.length && kept[header].some(c => c.trim() === '^')) header++;
    // A row numbering the columns ("1 | 2 | 3 …", "(1) | (2) …") closes the header of a form.
    const columnNumbers = kept
        .slice(0, 5)
        .findIndex(
            r =>
                r.filter(c => c.trim()).length >= 3 &&
                r
                    .filter(c => c.trim())
                    .every(
                        (c, k, all) =>
                            /^\(?[0-9]{1,2}\)?$/.test(c.trim()) && (k === 0 || num(c) === num(all[k - 1]) + 1)
                    )
        );
    if (columnNumbers >= 0) header = Math.max(header, columnNumbers + 1);
    else if (header === 1 && kept.length > 2 && !kept[1][0]?.trim() && kept[1].slice(1).every(c => !isQuantityCell(c)))
        header = 2;
    if (header >= kept.length) header = Math.min(1, kept.length - 1) || 1;
    const cell = (c: string) => escape(clean(c)).replace(/\|/g, '\\|') || ' ';
    const separator = kept[0].map(() => '---');
    const grid = buildGrid([
        ...kept.slice(0, header).map(r => r.map(cell)),
        separator,
        ...kept.slice(header).map(r => r.map(cell))
    ]);
    const scoring = readScoring(grid);
    const body = kept.slice(header);
    const out = { typed: 0, citations: 0, dates: 0 };
    // Citations, dates and quantities in the text of a cell, as in a paragraph ("trừ 0,5 điểm mỗi lần").
    const quantityRows = new Set<number>();
    const typeText = (c: string, row: number) => {
        let text = cell(c);
        for (const sp of spansOf(text, false, false).reverse()) {
            text =
                text.slice(0, sp.start) +
                (sp.kind === 'cite' ? `[${text.slice(sp.start, sp.end)}]` : `{${text.slice(sp.start, sp.end)}}`) +
                text.slice(sp.end);
            if (sp.what === 'citation') out.citations++;
            else if (sp.what === 'date') out.dates++;
            else quantityRows.add(row);
        }
        return text;
    };
    const typedRows = body.map((r, k) =>
        r.map(c => (c.trim() === '<' || c.trim() === '^' || isQuantityCell(c) ? c : typeText(c, k)))
    );
    if (scoring) {
        // A criterion with points in its columns, or with points stated in its text.
        const rows = new Set(
            scoring.criteria
                .filter(c => [c.max, c.bonus, c.deduction, c.self, c.assessed].some(p => p && p.value !== 0))
                .map(c => (c.labelCell ?? c.max?.cell)?.row)
                .filter((r): r is number => r !== undefined)
                .map(r => r - header - 1)
        );
        for (const k of quantityRows) if (!isTotal(body[k])) rows.add(k);
        out.typed = rows.size;
    } else {
        out.typed += [...quantityRows].filter(k => !isTotal(body[k])).length;
        const numbering = (col: number) =>
            /^(?:stt|tt|số tt|số thứ tự)(?![\p{L}])/iu.test(grid.headings[col]?.replace(/[*.:]/g, '').trim() ?? '') ||
            (col === 0 &&
                body
                    .filter(r => !isTotal(r))
                    .every(r => /^\s*(?:[0-9]{1,3}|[IVXLC]{1,6}|[a-zđ])?\.?\s*$/u.test(r[col] ?? '')));
        const skip = kept[0].map((_, col) => numbering(col));
        body.forEach((r, k) => {
            const total = isTotal(r);
            r.forEach((c, col) => {
                if (skip[col] || !isQuantityCell(c)) return;
                typedRows[k][col] = `{${escape(c.trim())}}`;
                if (!total) out.typed++;
            });
        });
    }
    const line = (r: string[]) => `| ${r.join(' | ')} |`;
    return {
        ...out,
        lines: [
            ...kept.slice(0, header).map(r => line(r.map(cell))),
            `|${separator.join('|')}|`,
            ...typedRows.map(line)
        ]
    };
}

const num = (c: string) => Number(c.replace(/[()]/g, ''));
/** A total row ("Tổng cộng", "Cộng") repeats the figures above it. */
const isTotal = (r: string[]) =>
    r
        .slice(0, 2)
        .some(c => TOTAL_ROW.test(c.replace(/\*/g, '').trim()) || /^cộng\s*:?$/iu.test(c.replace(/\*/g, '').trim()));
