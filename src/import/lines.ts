import chrome from '../domain/data/site-chrome.json' with { type: 'json' };
import layoutWords from '../domain/data/layout-words.json' with { type: 'json' };
import { documentKinds } from '../domain/tables.js';

/**
 * The lines of a copied document made ready to import: the site around it kept as comments, markup-only lines
 * (a lone "|", "**", "-----") dropped, tables flattened one cell per line rebuilt as pipe rows, and lines that a
 * copy wrapped joined back into paragraphs. No word is dropped: what is not understood stays a line of prose.
 */
export interface Line {
    text: string;
    comment?: boolean;
    table?: string[][];
}

const KIND_TITLES = documentKinds.map(k => k.title);
const META = new RegExp(`^\\**\\s*(?:${chrome.metadataKeys.join('|')})\\s*:?\\s*\\**\\s*:?$`, 'u');
const BANNER = new RegExp(chrome.banner.map(b => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');
const LISTING = new RegExp(`^\\**\\s*(?:${chrome.listingKeys.join('|')})\\s*:`, 'u');
const FOOTER = new RegExp(`^\\**\\s*(?:${chrome.footer.join('|')})`, 'u');
const MARKUP_ONLY = /^[\s|*#_~`>-]*$/u;
const ROW = /^\s*\|(?:[^|]*(?<!\\)\|){2,}\s*$/u;
const MARKER =
    /^\s*(?:[IVXLC]{1,6}\.|[0-9]{1,3}(?:\.[0-9]{1,2})*\.(?=\s)|[0-9]{1,3}(?:\.[0-9]{1,2})+(?=\s)|\(?[0-9]{1,3}\)|\(?[a-zđ]\)|[a-zđ]\.(?=\s)|[-+•–](?=\s))/u;
const SENTENCE_END = /[.;:!?…”"')\]]\**$/u;
const SIGNING = new RegExp(
    `^\\**\\s*(?:${layoutWords.positions.map(p => p.replace('.', '\\.')).join('|')})(?![\\p{L}])`,
    'u'
);

export const bareText = (s: string) => s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
const isCapsText = (s: string) => {
    const t = bareText(s);
    return /\p{Lu}.*\p{Lu}/u.test(t) && t === t.toUpperCase();
};
export const isKindTitle = (s: string) => KIND_TITLES.includes(bareText(s));
const startsLower = (s: string) => /^[\s*_]*[\p{Ll}0-9(“"]/u.test(s) && !MARKER.test(s.replace(/^[*_]+/, ''));

export function prepare(input: string): { lines: Line[]; chrome: number } {
    const raw = input
        .replace(/^\uFEFF/, '')
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .replace(/[\u00a0\u2007\u202f]/g, ' ')
        .replace(/\t+/g, ' ')
        .split('\n')
        .map(l => l.replace(/\s+$/, ''));
    const lines: Line[] = raw.map(text => ({ text }));
    let chromeLines = 0;
    // The site before the document: banners and a metadata block ("Số hiệu: | 229/CĐ-TTg | Loại văn bản: …").
    const start = lines.findIndex(
        l => isKindTitle(l.text) || /^\**\s*(?:Số\s*:|CỘNG H|ỦY BAN|UBND|ĐẢNG BỘ)/u.test(l.text)
    );
    // Only the keys before the document: a site lists related documents with the same keys after it.
    const lastMeta = lines
        .map((l, i) => (META.test(l.text.trim()) || BANNER.test(l.text) ? i : -1))
        .filter(i => i >= 0 && (start < 0 || i < start));
    if (lastMeta.length && lastMeta[0] < Math.max(start, 0) + 400) {
        let end = lastMeta[lastMeta.length - 1];
        // The value lines that follow the last key belong to the block, up to the first blank line.
        while (
            end + 1 < lines.length &&
            lines[end + 1].text.trim() &&
            !isCapsText(lines[end + 1].text) &&
            end - lastMeta[lastMeta.length - 1] < 8
        )
            end++;
        // What the site writes between its block and the document (a summary of it) is the site's too: the document
        // begins with its header, whose agency lines stand just above the line found as its start.
        if (start > end) {
            let head = start;
            while (head - 1 > end && (isCapsText(lines[head - 1].text) || MARKUP_ONLY.test(lines[head - 1].text)))
                head--;
            end = head - 1;
        }
        // A block of the site's keys ("Số hiệu:", "Loại văn bản:" …) before the document starts.
        const keys = lines.slice(0, end + 1).filter(l => META.test(l.text.trim())).length;
        if ((keys >= 2 || lastMeta.length >= 2) && (start < 0 || lastMeta[0] < start)) {
            for (let i = 0; i <= end; i++)
                if (lines[i].text.trim()) {
                    lines[i].comment = true;
                    chromeLines++;
                }
        }
    }
    // The site after the document: from a footer phrase after the signature's "Nơi nhận".
    const noiNhan = lines.findIndex(l => /^\**\s*Nơi nhận/u.test(l.text));
    if (noiNhan >= 0) {
        const isFooter = (i: number) =>
            FOOTER.test(lines[i].text.replace(/^#+\s*/, '').trim()) && lines[i].text.trim().length < 80;
        // A listing of related documents: the site's keys ("Hiệu lực:", "Tình trạng:") repeated.
        const key = (t: string) => META.test(t.trim()) || LISTING.test(t);
        const isListing = (i: number) => key(lines[i].text) && lines.slice(i + 1, i + 12).some(x => key(x.text));
        let foot = lines.findIndex((_, i) => i > noiNhan + 3 && (isFooter(i) || isListing(i)));
        const listing = foot >= 0 && !isFooter(foot);
        // The site's lines just above (a listed document's title, "Văn bản này chưa cập nhật …") go with it; the
        // signer's name, titles and the recipients do not.
        const NAME = /^[*_]*\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,4}[*_]*$/u;
        for (let k = 0; foot > 0 && k < 4 && foot - 1 > noiNhan; k++) {
            const prev = lines[foot - 1].text.trim();
            if (!prev || isCapsText(prev) || NAME.test(prev) || /^[-+•–]/u.test(prev)) break;
            foot--;
            if (MARKUP_ONLY.test(prev)) k--;
        }
        // Only a short tail is the site's (a long one is the document's own form or annex), unless it is a listing.
        const tail = foot < 0 ? [] : lines.slice(foot).filter(l => l.text.trim());
        const listed = listing || tail.some((l, k) => k < 12 && key(l.text));
        if (
            foot >= 0 &&
            (listed || tail.length < 80) &&
            !tail.some(l => /^\**\s*(?:PHỤ LỤC|Phụ lục)|^[*_\s]*\(?[*_\s]*(?:Ban hành\s+)?[Kk]èm theo/u.test(l.text))
        ) {
            for (let i = foot; i < lines.length; i++)
                if (lines[i].text.trim()) {
                    lines[i].comment = true;
                    chromeLines++;
                }
        }
    }
    const body = rebuildTables(lines);
    return { lines: unwrap(body), chrome: chromeLines };
}

/**
 * A web copy flattens a table to one cell per line between "|" lines: "|", cell, "|", cell, …, "|", and the next
 * row after a doubled "|". The first row gives the number of columns; rows are read with that many cells. A run
 * that does not read as rows keeps its lines as prose.
 */
function rebuildTables(lines: Line[]): Line[] {
    const out: Line[] = [];
    const kind = lines.findIndex(l => !l.comment && isKindTitle(l.text));
    const pipe = (i: number) => lines[i]?.text.trim() === '|';
    let i = 0;
    while (i < lines.length) {
        const l = lines[i];
        // Rows written one per line ("| a | b |", a "|---|" row under the header): a table as it stands.
        if (!l.comment && i > kind && ROW.test(l.text)) {
            const rows: string[][] = [];
            for (; i < lines.length && !lines[i].comment && ROW.test(lines[i].text); i++) {
                const cells = lines[i].text
                    .trim()
                    .slice(1, -1)
                    .split(/(?<!\\)\|/)
                    .map(c => c.trim());
                if (!cells.every(c => /^:?-{3,}:?$/.test(c))) rows.push(cells);
            }
            if (rows.length >= 2) out.push({ text: '', table: rows });
            else out.push({ text: lines[i - 1].text });
            continue;
        }
        if (l.comment || !pipe(i) || i <= kind) {
            // Lines of markup only ("|", "**", "-----") carry no word.
            if (l.comment || !MARKUP_ONLY.test(l.text) || l.text.trim() === '') out.push(l);
            i++;
            continue;
        }
        // The run: "|" lines and the cell text between them, blank lines inside it included; it ends at its last "|".
        let end = i,
            last = i;
        while (end + 1 < lines.length && !lines[end + 1].comment) {
            const next = lines[end + 1].text.trim();
            if (!next && !lines.slice(end + 2, end + 5).some((_, k) => pipe(end + 2 + k))) break;
            end++;
            if (pipe(end)) last = end;
        }
        const run = lines.slice(i, last + 1).map(x => x.text);
        const rows = readRows(run);
        // The other flattening: each cell followed by its "|", a row closed by one more "|"; the first cell comes
        // first, when it stands right above the run; else the run's leading "|" only opens the table.
        const before = out[out.length - 1];
        const adjacent =
            before && !before.comment && !before.table && before.text.trim() !== '' && lines[i - 1] === before;
        const failed = !rows || rows.length < 2;
        const joined = failed && adjacent ? readCellFirstRows([before.text, ...run]) : undefined;
        const alone =
            failed && !joined ? readCellFirstRows(run.slice(run.findIndex(t => t.trim() !== '|'))) : undefined;
        if (rows && rows.length >= 2) out.push({ text: '', table: rows });
        else if (alone) out.push({ text: '', table: alone });
        else if (joined) {
            out.pop();
            out.push({ text: '', table: joined });
        } else for (const x of lines.slice(i, last + 1)) if (!MARKUP_ONLY.test(x.text)) out.push(x);
        i = last + 1;
    }
    return out;
}

/** A flattened table's lines as items: a cell's text (its wrapped lines joined), or null for a "|". */
function cellItems(run: string[]): (string | null)[] {
    const items: (string | null)[] = [];
    for (const t of run) {
        if (t.trim() === '|') items.push(null);
        else if (!t.trim()) continue;
        else if (typeof items[items.length - 1] === 'string') items[items.length - 1] += ' ' + t.trim();
        else items.push(t.trim());
    }
    return items;
}

/** Rows of a flattened table: "|" cell "|" cell … "|"; a row ends after as many cells as the first row has. */
function readRows(run: string[]): string[][] | undefined {
    const items = cellItems(run);
    let k = 0;
    const row = (width?: number): string[] | undefined => {
        if (items[k] !== null) return undefined;
        k++;
        const cells: string[] = [];
        while (k < items.length && (width === undefined || cells.length < width)) {
            const cell = items[k];
            if (cell === null) {
                // In the first row a pipe right after a closing pipe ends the row; later it closes an empty cell.
                if (width === undefined) break;
                cells.push('');
                k++;
                continue;
            }
            cells.push(cell);
            k++;
            if (items[k] !== null) return undefined;
            k++;
        }
        return cells;
    };
    const first = row();
    if (!first || first.length < 2) return undefined;
    const rows = [first];
    while (k < items.length) {
        const r = row(first.length);
        if (!r) return undefined;
        rows.push(r);
    }
    return rows;
}

/**
 * Rows of a table flattened cell first: cell "|" cell "|" … "|" "|". In a run of "|" the first closes the cell
 * before it, the last closes the row, and those between close empty cells. Undefined unless most rows have the
 * same number of cells (a header with merged cells has fewer; they are padded).
 */
function readCellFirstRows(run: string[]): string[][] | undefined {
    const items = cellItems(run);
    const rows: string[][] = [];
    let cells: string[] = [];
    for (let k = 0; k < items.length; k++) {
        const item = items[k];
        if (item !== null) {
            cells.push(item);
            if (items[k + 1] !== null) return undefined;
            k++;
            continue;
        }
        // A "|" after a closed cell: an empty cell, or the row's end when no "|" follows.
        if (items[k + 1] === null) cells.push('');
        else {
            rows.push(cells);
            cells = [];
        }
    }
    if (cells.length) rows.push(cells);
    if (rows.length < 3) return undefined;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, often] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (width < 2 || often < rows.length / 2 || rows.some(r => r.length > width)) return undefined;
    return rows.map(r => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** Joins the lines a copy wrapped: a line that continues a sentence joins the one before it. */
function unwrap(lines: Line[]): Line[] {
    const lengths = lines
        .filter(l => !l.comment && !l.table && l.text.trim())
        .map(l => l.text.length)
        .sort((a, b) => a - b);
    const wide = lengths[Math.floor(lengths.length * 0.9)] ?? 80;
    const out: Line[] = [];
    for (const l of lines) {
        const prev = out[out.length - 1];
        const text = l.text.trim();
        const joinable =
            prev &&
            !prev.comment &&
            !prev.table &&
            !l.comment &&
            !l.table &&
            prev.text.trim() &&
            text &&
            !SENTENCE_END.test(prev.text.trim()) &&
            !isKindTitle(prev.text) &&
            !isKindTitle(text) &&
            !/^\**\s*(?:Nơi nhận|TM\.|KT\.|TL\.|TUQ\.|Q\.|Số\s*:|PHỤ LỤC|Phụ lục)/u.test(text) &&
            !/^[-+•–]\s|^\**\s*(?:Căn cứ|Thực hiện)\s/u.test(text) &&
            !MARKER.test(text.replace(/^[*_]+/, ''));
        const caps =
            prev && isCapsText(prev.text) && isCapsText(text) && !SIGNING.test(prev.text) && !SIGNING.test(text);
        // A name or a place cut in two: "Dương" / "Đức Tuấn", "Hà" / "Nội, ngày 27 tháng 11 năm 2025".
        const NAME = /^[*_]*\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){0,2}[*_]*$/u;
        const cutName =
            prev &&
            !prev.comment &&
            !prev.table &&
            NAME.test(prev.text.trim()) &&
            (NAME.test(text) || /^[*_]*\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){0,3}, ngày/u.test(text));
        // Emphasis opened on one line and closed on a short next one spans a wrap: "**TM. ỦY BAN NHÂN" / "DÂN**".
        const odd = (s: string) => (s.match(/\*\*/g) ?? []).length % 2 === 1;
        const spanned =
            prev &&
            !prev.comment &&
            !prev.table &&
            odd(prev.text) &&
            odd(text) &&
            /\*\*$/u.test(text) &&
            text.split(/\s+/).length <= 4 &&
            !MARKER.test(text.replace(/^[*_]+/, '')) &&
            !SIGNING.test(text);
        // A parenthesis opened on one line and closed on the next: "(Ban hành kèm theo Quyết định số …" / "… ngày …)".
        const depth = (x: string) => (x.match(/\(/g) ?? []).length - (x.match(/\)/g) ?? []).length;
        const inParens =
            prev && !prev.comment && !prev.table && depth(prev.text) > 0 && depth(text) < 0 && !MARKER.test(text);
        if (spanned || inParens) {
            prev.text = `${prev.text.replace(/\s+$/, '')} ${text}`;
        } else if (
            prev &&
            !prev.comment &&
            !prev.table &&
            /^\**\s*Số\s*:?\s*\**$/u.test(prev.text.trim()) &&
            /^[0-9]*\s*\/|^[0-9]+[-/]/u.test(text)
        ) {
            prev.text = `${prev.text.replace(/\s+$/, '')} ${text}`;
        } else if (
            cutName &&
            (prev.text.trim().split(/\s+/).length + text.split(/\s+/).length <= 5 || /, ngày/u.test(text))
        ) {
            prev.text = `${prev.text.replace(/\s+$/, '')} ${text}`;
        } else if (
            joinable &&
            (startsLower(text) ||
                (prev.text.length >= wide * 0.75 && !isCapsText(prev.text)) ||
                (caps && !isHeaderWord(text)))
        ) {
            prev.text = `${prev.text.replace(/\s+$/, '')} ${text}`;
        } else {
            out.push({ ...l });
        }
    }
    return out.map(l => (l.comment || l.table ? l : { text: balance(l.text) }));
}

/** Header lines that start a new line even in capitals: a Quốc hiệu, a Tiêu ngữ, an agency of its own. */
function isHeaderWord(text: string): boolean {
    return /^\**\s*(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|ỦY BAN|UBND|HỘI ĐỒNG|SỞ |PHÒNG |BỘ |ĐẢNG BỘ|BAN )/u.test(
        text
    );
}

/** Emphasis marks that do not pair on the line are the copy's, not the document's: they go. */
function balance(text: string): string {
    const t = text.replace(/\*\*\s*\*\*/g, ' ').replace(/\*{4,}/g, '');
    const pairs = (t.match(/\*\*/g) ?? []).length;
    const stripped = pairs % 2 ? t.replace(/\*\*/g, '') : t;
    const singles = (stripped.replace(/\*\*/g, '').match(/\*/g) ?? []).length;
    return (singles % 2 ? stripped.replace(/(?<!\*)\*(?!\*)/g, '') : stripped).replace(/\s{2,}/g, ' ').trimEnd();
}
