import type { Line } from './lines.js';

/**
 * A Word document, as mammoth reads it (its document tree, through the documented `transformDocument` option),
 * turned into import lines: paragraphs with their bold and italic, Word's automatic numbering written back as
 * markers, tables as rows with "<" and "^" for merged cells. The page's two-column header and footer tables
 * (agency | Quốc hiệu; Nơi nhận | signature) are read as their lines, left column first.
 */
interface Node {
    type: string;
    children?: Node[];
    value?: string;
    isBold?: boolean;
    isItalic?: boolean;
    noteType?: string;
    noteId?: string;
    body?: Node[];
    notes?: { _notes?: Record<string, Node> };
    numbering?: { level: string; isOrdered: boolean } | null;
    colSpan?: number;
    rowSpan?: number;
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** A Word footnote's place in the text, written "[^n]" by the import once the text is escaped. */
export const NOTE_OPEN = '\uE010',
    NOTE_CLOSE = '\uE011';

function runText(node: Node): string {
    // A long run of spaces pushes text to a second column, as a tab does.
    if (node.type === 'text') return (node.value ?? '').replace(/ {6,}/g, '\t');
    if (node.type === 'tab') return '\t';
    if (node.type === 'break') return '\n';
    if (node.type === 'noteReference' && node.noteType === 'footnote') return `${NOTE_OPEN}${node.noteId}${NOTE_CLOSE}`;
    const inner = (node.children ?? []).map(runText).join('');
    if (node.type !== 'run' || !inner.trim()) return inner;
    const mark = node.isBold && node.isItalic ? '***' : node.isBold ? '**' : node.isItalic ? '*' : '';
    // Each line of a run that holds a line break gets its own marks.
    return inner
        .split('\n')
        .map(piece => {
            if (!piece.trim()) return piece;
            const lead = /^\s*/.exec(piece)![0],
                trail = /\s*$/.exec(piece)![0];
            return `${lead}${mark}${piece.trim()}${mark}${trail}`;
        })
        .join('\n');
}

/** A paragraph's text; runs of the same emphasis side by side are merged ("**a** **b**" → "**a b**"). */
function paragraphText(p: Node): string {
    return tidy((p.children ?? []).map(runText).join(''));
}

/**
 * The lines of a paragraph with line breaks: a break is a new line ("TL. BỘ TRƯỞNG" / "VỤ TRƯỞNG …") unless the text
 * goes on across it (an open parenthesis, a piece starting in lower case).
 */
function breakLines(text: string): string[] {
    const out: string[] = [];
    const depth = (x: string) => (x.match(/\(/g) ?? []).length - (x.match(/\)/g) ?? []).length;
    for (const piece of text
        .split('\n')
        .map(p => p.trim())
        .filter(Boolean)) {
        const prev = out[out.length - 1];
        if (prev !== undefined && (depth(prev) > 0 || /^[*_]*[\p{Ll}]/u.test(piece)))
            out[out.length - 1] = `${prev} ${piece}`;
        else out.push(piece);
    }
    return out;
}

const tidy = (s: string) =>
    s
        .normalize('NFC')
        .replace(/(\*{1,3})(\s*)\1(?!\*)/g, '$2')
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .trim();

/** The columns a paragraph lays out with tabs ("Nơi nhận:⇥TRƯỞNG PHÒNG"). */
function tabColumns(p: Node): string[] {
    return (p.children ?? []).map(runText).join('').split(/\t+/).map(tidy).filter(Boolean);
}

function cellLines(cell: Node): string[] {
    return (cell.children ?? [])
        .flatMap(c => (c.type === 'paragraph' ? breakLines(paragraphText(c)) : c.type === 'table' ? tableLines(c) : []))
        .map(l => l.trim())
        .filter(Boolean);
}

function tableLines(t: Node): string[] {
    return (t.children ?? []).flatMap(r => (r.children ?? []).flatMap(cellLines));
}

/** Rows with "<" after a cell that spans columns and "^" where a cell above spans rows. */
function tableRows(t: Node): string[][] {
    const rows: string[][] = [];
    const below: number[] = [];
    for (const r of t.children ?? []) {
        const row: string[] = [];
        let col = 0;
        const fillFromAbove = () => {
            while ((below[col] ?? 0) > 0) {
                row.push('^');
                below[col]--;
                col++;
            }
        };
        for (const cell of r.children ?? []) {
            fillFromAbove();
            const span = cell.colSpan ?? 1;
            row.push(cellLines(cell).join(' <br> '));
            for (let k = 1; k < span; k++) row.push('<');
            for (let k = 0; k < span; k++) below[col + k] = (cell.rowSpan ?? 1) - 1;
            col += span;
        }
        fillFromAbove();
        rows.push(row);
    }
    return rows;
}

/** The page's layout tables: the header (agency | Quốc hiệu) and the footer (Nơi nhận | chữ ký). */
function isLayoutTable(t: Node): boolean {
    const text = tableLines(t).join('\n');
    const rows = t.children ?? [];
    return rows.length <= 3 && /CỘNG H[OÒ]À XÃ HỘI|Độc lập|Nơi nhận|ĐẢNG CỘNG SẢN/u.test(text);
}

export function wordLines(document: Node): Line[] {
    const lines: Line[] = [];
    const counters: number[] = [];
    // The signature typed with tabs to the right of the Nơi nhận lines: it follows the list.
    let right: string[] | undefined;
    const flush = () => {
        if (right) lines.push(...right.map(text => ({ text })));
        right = undefined;
    };
    for (const block of document.children ?? []) {
        if (block.type === 'paragraph') {
            const cols = tabColumns(block);
            const text = cols.join(' ');
            const split = (c: string[]) => c.flatMap(breakLines);
            if (/^[*_]*Nơi nhận/u.test(text) && cols.length > 1) {
                flush();
                lines.push(...split(cols.slice(0, 1)).map(t => ({ text: t })));
                right = split(cols.slice(1));
                continue;
            }
            if (right && /^[*_]*[-+•–]/u.test(text)) {
                lines.push(...split(cols.slice(0, 1)).map(t => ({ text: t })));
                right.push(...split(cols.slice(1)));
                continue;
            }
            if (right && text) flush();
        } else flush();
        if (block.type === 'table') {
            if (isLayoutTable(block)) {
                const columns = Math.max(...(block.children ?? []).map(r => (r.children ?? []).length));
                for (let c = 0; c < columns; c++) {
                    for (const r of block.children ?? [])
                        for (const l of cellLines((r.children ?? [])[c] ?? { type: 'x' })) lines.push({ text: l });
                }
            } else {
                const rows = tableRows(block);
                if (rows.length >= 2 || (rows[0]?.length ?? 0) >= 2) lines.push({ text: '', table: rows });
                else for (const l of tableLines(block)) lines.push({ text: l });
            }
            continue;
        }
        if (block.type !== 'paragraph') continue;
        let text = paragraphText(block);
        const n = block.numbering;
        if (n && text) {
            const level = Number(n.level) || 0;
            counters[level] = (counters[level] ?? 0) + 1;
            counters.length = level + 1;
            const k = counters[level];
            const marker = !n.isOrdered
                ? '-'
                : level === 0
                  ? `${k}.`
                  : level === 1
                    ? `${LETTERS[(k - 1) % LETTERS.length]})`
                    : `${k})`;
            text = `${marker} ${text}`;
        }
        for (const piece of text ? breakLines(text) : ['']) lines.push({ text: piece });
    }
    flush();
    return withFootnotes(lines, document);
}

/**
 * Footnotes numbered in the order the text refers to them; their texts ("[^1]: …") close the body, before the
 * Nơi nhận (a note's text is part of the document, not of its recipients).
 */
function withFootnotes(lines: Line[], document: Node): Line[] {
    const numbers = new Map<string, number>();
    const refer = (id: string) => numbers.get(id) ?? (numbers.set(id, numbers.size + 1), numbers.size);
    const re = new RegExp(`${NOTE_OPEN}([^${NOTE_CLOSE}]*)${NOTE_CLOSE}`, 'g');
    const renumber = (t: string) => t.replace(re, (_, id: string) => `${NOTE_OPEN}${refer(id)}${NOTE_CLOSE}`);
    for (const l of lines) {
        l.text = renumber(l.text);
        if (l.table) l.table = l.table.map(r => r.map(renumber));
    }
    if (!numbers.size) return lines;
    const notes = document.notes?._notes ?? {};
    const texts = [...numbers].map(([id, n]) => {
        const body = notes[`footnote-${id}`]?.body ?? [];
        const text = body
            .flatMap(b => (b.type === 'paragraph' ? breakLines(paragraphText(b)) : []))
            .join(' ')
            .trim();
        return { text: `${NOTE_OPEN}${n}${NOTE_CLOSE}: ${text}` };
    });
    const at = lines.findIndex(l => /^[*_]*Nơi nhận/u.test(l.text));
    return at < 0
        ? [...lines, { text: '' }, ...texts]
        : [...lines.slice(0, at), ...texts, { text: '' }, ...lines.slice(at)];
}
