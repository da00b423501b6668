import { DOC_NUMBER_SOURCE } from '../domain/doc-number.js';
import { VI_NUMBER_SOURCE } from '../domain/numbers.js';
import { documentKinds, unitPrefixOf } from '../domain/tables.js';
import { isKindTitle, prepare, type Line } from './lines.js';

/** What the import typed, and what it left as plain prose. */
export interface ImportStats { indicators: number; citations: number; dates: number; proseLines: number; tables: number; chrome: number }
export interface ImportResult { text: string; stats: ImportStats; cited: string[] }

const QUOC_HIEU = /CỘNG HO?[ÒÀ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM/u;
const TIEU_NGU = /Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;
const KIND_TITLES = documentKinds.filter(k => k.campaign).map(k => k.title);
const NUMBER_LINE = /^Số\s*:?\s*[0-9]*\s*[/-]\s*[A-ZĐ]\S*/u;
const PLACE_DATE = /^[^,\n]{1,60}, ngày[ \t]+(?:[0-9…. \t]*tháng[0-9…. \t]*năm[ \t]*[0-9]{0,4}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})\s*$/u;
const isCaps = (s: string) => /[A-ZĐÀ-Ỹ]/u.test(s) && s === s.toUpperCase() && /\p{L}.*\p{L}/u.test(s);

/** Removes Markdown heading marks and a bold/italic wrapping the whole line (web copies), keeps inline emphasis. */
function clean(line: string): string {
    let l = line.replace(/\u00a0/g, '\u00a0').replace(/^#{1,6}\s+/, '').replace(/\s+$/, '');
    const whole = /^\*{1,3}([^*].*?[^*])\*{1,3}$/u.exec(l);
    if (whole && !/^\*{3}“/.test(l)) l = whole[1];
    // Bold across two lines ("**TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH**"): drop the unpaired marks.
    if ((l.match(/\*\*/g) ?? []).length % 2 === 1) l = l.replace(/^\*\*(?=\S)/, '').replace(/(?<=\S)\*\*$/, '');
    return l;
}

const escape = (s: string) => s.replace(/[\\[\]{}]/g, c => '\\' + c);

/** Splits the flattened or `|`-separated header rows of law sites into the page's two columns. */
function header(lines: string[]): { left: string[]; right: string[]; rest: string[] } {
    const left: string[] = [], right: string[] = [];
    let i = 0;
    for (; i < lines.length; i++) {
        const l = lines[i].trim();
        if (!l) continue;
        if (isKindTitle(l) || /[[\]{}\\]/.test(l)) break;
        const cells = l.includes('|') ? l.split('|').map(c => c.trim()).filter(Boolean) : [l];
        const pieces: string[] = [];
        for (const c of cells) {
            // A flattened row: "ỦY BAN NHÂN DÂN … CỘNG HÒA …", "Số: 12/KH-UBND Tam Đường, ngày …".
            let rest = c;
            for (const re of [QUOC_HIEU, TIEU_NGU]) {
                const m = re.exec(rest);
                if (m && rest !== m[0]) { pieces.push(...[rest.slice(0, m.index), m[0]].map(x => x.trim()).filter(Boolean)); rest = rest.slice(m.index + m[0].length).trim(); }
            }
            const so = /^(Số\s*:?\s*[0-9]*\s*[/-]\s*[A-ZĐ][^\s]*)\s+(\S.*, ngày .*)$/u.exec(rest);
            if (so) pieces.push(so[1], so[2].replace(/^\*+|\*+$/g, '').trim());
            else if (rest) pieces.push(rest);
        }
        let consumed = false;
        for (const p of pieces) {
            if (QUOC_HIEU.test(p) || TIEU_NGU.test(p) || PLACE_DATE.test(p)) right.push(p);
            else if (NUMBER_LINE.test(p) || isCaps(p)) left.push(p);
            else { consumed = true; break; }
        }
        if (consumed) break;
    }
    // The grammar's order: agencies and the national lines, then the number, then place and date.
    const ordered = [...left.filter(x => !NUMBER_LINE.test(x)), ...right.filter(x => !PLACE_DATE.test(x)), ...left.filter(x => NUMBER_LINE.test(x)).slice(0, 1), ...right.filter(x => PLACE_DATE.test(x)).slice(0, 1)];
    return { left: ordered, right: [], rest: lines.slice(i) };
}

const KINDS = [...documentKinds.map(k => k.name), 'Chị thị'].sort((a, b) => b.length - a.length).join('|');
const CITATION = new RegExp(`(?<![\\p{L}])(?:${KINDS})\\s+(?:số\\s+)?(?:${DOC_NUMBER_SOURCE})(?:\\s+ngày\\s+[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})?(?:\\s+của\\s+[^,;.()“”*\\[\\]{}]+?(?=\\s+(?:về|tiếp tục|nhằm|để|và|theo)\\s|[,;.()“”*]|$))?`, 'giu');
const NAMED = /(?<![\p{L}])Nghị quyết Đại hội[^,.;()“”*[\]{}]{0,80}?lần thứ [IVXLC]+(?:\s+của\s+Đảng)?/gu;
const TIME: RegExp[] = [
    /(?<![\p{L}])[Tt]ừ (?:nay|ngày (?:phát động|ký|ban hành)[^,.;]{0,30}?|ngày [0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}) đến (?:hết )?(?:ngày [0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}|ngày [0-9]{1,2} tháng [0-9]{1,2} năm [0-9]{4}|tháng [0-9]{1,2} năm [0-9]{4})/gu,
    /(?<![\p{L}])kỷ niệm [0-9]+ (?:năm|ngày) [^()[\]{}]{0,140}?\((?:[0-9]{1,2}\/[0-9]{1,2}\/)?[0-9]{4}\s*[-–]\s*(?:[0-9]{1,2}\/[0-9]{1,2}\/)?[0-9]{4}\)/gu,
    /(?<![\p{L}])giai đoạn [0-9]{4}\s*[-–]\s*[0-9]{4}/gu,
    /\([0-9]{4}\s*[-–]\s*[0-9]{4}\)/gu,
    /(?<![\p{L}])định kỳ [^,.;]{1,40}?(?=\s+báo cáo|[,.;])/gu,
    /(?<![\p{L}])trước ngày [0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}/gu,
    /^Ngày [0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}/gu
];
const QUANTITY = new RegExp(`(?<![\\p{L}\\p{N}/.,])(${VI_NUMBER_SOURCE})(\\s*)`, 'gu');

/** A number with a known unit (not a duration) or a percentage: the mark of an indicator's target. */
function hasQuantity(s: string): boolean {
    QUANTITY.lastIndex = 0;
    for (let m = QUANTITY.exec(s); m; m = QUANTITY.exec(s)) {
        const rest = s.slice(m.index + m[0].length);
        if (/^[0-9]{4}$/.test(m[1]) && !rest.startsWith('%')) continue;
        if (rest.startsWith('%') || rest.startsWith('‰')) return true;
        const unit = m[2] ? unitPrefixOf(rest) : undefined;
        if (unit && unit.info.kind !== 'duration') return true;
        if (/^\/[0-9]/.test(s.slice(m.index + m[1].length))) return true;
    }
    return false;
}

interface Span { start: number; end: number; kind: 'cite' | 'value'; what: 'citation' | 'date' | 'indicator' }

function spansOf(text: string, indicatorContext: boolean, numbered: boolean): Span[] {
    const spans: Span[] = [];
    const free = (s: number, e: number) => !spans.some(x => s < x.end && e > x.start);
    for (const re of [CITATION, NAMED]) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) if (free(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].trimEnd().length, kind: 'cite', what: 'citation' });
    }
    for (const re of TIME) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) if (free(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'value', what: 'date' });
    }
    if (numbered && (hasQuantity(text) || /(?<![\p{L}])đạt\s+(?:khá|tốt|xuất sắc|loại|chuẩn)/u.test(text))) {
        const end = text.replace(/[.;\s]+$/, '').length;
        if (free(0, end)) spans.push({ start: 0, end, kind: 'value', what: 'indicator' });
    } else if (indicatorContext) {
        // Sentences and ";"-parts with a target, after a lead-in such as "như:".
        const lead = /(?:như|sau)\s*:\s*/u.exec(text);
        let from = lead ? lead.index + lead[0].length : 0;
        // ";" and sentences separate targets; so does ", " and "(Trong đó: …)" when both sides carry one.
        const parts = text.slice(from).split(/(?<=[.;])\s+|;\s*|\s*\((?=Trong đó)|\)(?=\.?$)/u)
            .flatMap(p => {
                const comma = p.split(/,\s+(?!(?:tăng|giảm|bằng|thị trấn|phường|tổ dân phố|điểm)(?![\p{L}]))/u);
                return comma.length > 1 && comma.every(hasQuantity) ? comma : [p];
            });
        for (const raw of parts) {
            const at = text.indexOf(raw, from);
            from = at + raw.length;
            const seg = raw.replace(/[.;\s]+$/, '');
            const start = at + (raw.length - raw.trimStart().length);
            const end = at + seg.length;
            if (seg.trim() && hasQuantity(seg) && free(start, end)) spans.push({ start, end, kind: 'value', what: 'indicator' });
        }
    }
    return spans.sort((a, b) => a.start - b.start);
}

/** Turns the text of a document (as copied from a web page, a law site, or read out of a .docx) into .thidua. */
export function importText(input: string): ImportResult {
    return importLines(prepare(input));
}

/** Imports lines already read (a Word document's paragraphs and tables, or a prepared text). */
export function importLines(prepared: { lines: Line[]; chrome: number }): ImportResult {
    const stats: ImportStats = { indicators: 0, citations: 0, dates: 0, proseLines: 0, tables: 0, chrome: prepared.chrome };
    const cited: string[] = [];
    // The site's own lines before the document stay as comments at the top.
    const all = prepared.lines;
    const first = all.findIndex(l => !l.comment && (l.text.trim() || l.table));
    const out: string[] = all.slice(0, first < 0 ? all.length : first).filter(l => l.comment).map(l => `// ${l.text.trim()}`);
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
        if (i < rest.length) {
            let subject = escape(rest[i].trim());
            for (const sp of spansOf(subject, false, false).reverse()) {
                subject = subject.slice(0, sp.start) + (sp.kind === 'cite' ? `[${subject.slice(sp.start, sp.end)}]` : `{${subject.slice(sp.start, sp.end)}}`) + subject.slice(sp.end);
                if (sp.what === 'date') stats.dates++; else stats.citations++;
            }
            out.push(subject, '');
        }
        i++;
    }
    let section = '';
    let listContext = false;
    for (; i < rest.length; i++) {
        const line = rest[i];
        if (!line.trim()) { out.push(''); continue; }
        const placed = tables.get(line);
        if (placed?.comment) { out.push(`// ${placed.text.trim()}`); continue; }
        if (placed?.table) {
            stats.tables++;
            out.push('', ...tableRows(placed.table), '');
            continue;
        }
        const marker = /^(\s*(?:[IVXLC]{1,6}\.|[0-9]{1,3}(?:\.[0-9]{1,2})*\.?(?=\s)|[0-9]{1,3}\)|[a-zđ]\)|[-+•–](?:\s+[0-9]{1,3}\))?)\s+)?/u.exec(line)![0];
        const body = line.slice(marker.length);
        if (/^\s*[IVXLC]{1,6}\./u.test(marker)) section = body.toUpperCase();
        if (/^\s*Nơi nhận/u.test(line)) section = 'NƠI NHẬN';
        else if (section === 'NƠI NHẬN' && (/^\s*(?:TM|KT|Q|TL|TUQ)\.\s/u.test(line) || /^[\p{Lu}\s,.-]+$/u.test(line.replace(/\*/g, '')))) section = 'CHỮ KÝ';
        else if (section === 'NƠI NHẬN' && !/^\s*[-+•–]/u.test(line) && /;\s*$/u.test(line) && !/^[\p{Lu}\s,-]+$/u.test(line.replace(/\*/g, ''))) {
            // A recipient whose "-" the copy lost.
            out.push(`- ${escape(line.trim())}`);
            continue;
        }
        const numbered = /[0-9]\)\s*$/.test(marker.trim()) && !/^[-+•–]\s*$/.test(marker.trim());
        const bullet = /^\s*[-+•–]/.test(marker);
        const context = section.includes('CHỈ TIÊU') || listContext || /chỉ tiêu|phấn đấu/iu.test(body);
        const escaped = escape(body);
        const spans = section === 'NƠI NHẬN' ? [] : spansOf(escaped, context, numbered || (section.includes('CHỈ TIÊU') && bullet));
        let text = escaped;
        for (const s of [...spans].reverse()) {
            const inner = text.slice(s.start, s.end);
            text = text.slice(0, s.start) + (s.kind === 'cite' ? `[${inner}]` : `{${inner}}`) + text.slice(s.end);
            if (s.what === 'citation') { stats.citations++; cited.push(inner); }
            else if (s.what === 'date') stats.dates++;
            else stats.indicators++;
        }
        if (!spans.length) stats.proseLines++;
        // A line of the document that starts like a comment ("//") is kept as prose.
        out.push(!marker && /^\s*\/\//.test(text) ? `\\${text.trimStart()}` : marker + text);
        // A paragraph announcing indicators ("… các chỉ tiêu chủ yếu sau:") makes the list after it one.
        if (!bullet && !numbered) listContext = /chỉ tiêu[^.]*:\s*$/iu.test(body) || (listContext && false);
    }
    return { text: out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n', stats, cited };
}

/**
 * Pipe rows of a rebuilt table: rows without a word are left out; the first row is the header, and so is each row
 * under it that continues it ("^" under a cell that spans two rows); a "|" in a cell is escaped.
 */
function tableRows(rows: string[][]): string[] {
    const kept = rows.filter(r => r.some(c => c.trim() && c.trim() !== '<' && c.trim() !== '^'));
    if (!kept.length) return [];
    let header = 1;
    while (header < kept.length && kept[header].some(c => c.trim() === '^')) header++;
    const cell = (c: string) => escape(clean(c)).replace(/\|/g, '\\|') || ' ';
    const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
    return [...kept.slice(0, header).map(line), `|${kept[0].map(() => '---').join('|')}|`, ...kept.slice(header).map(line)];
}
