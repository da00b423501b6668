import type { Lexer } from 'langium';

const MARKERS = new Set(['ROMAN', 'NUM1', 'NUM2', 'PAREN_MARK', 'LETTER_MARK']);
const BLANK_BEFORE = new Set(['ROMAN', 'NOI_NHAN', 'KIND_LINE', 'SIGN_AUTHORITY']);

/**
 * The canonical layout of a .thidua file. It changes whitespace only — never a letter, number or name:
 * no indentation or trailing spaces, one space after a marker ("I.", "1.", "a)", "-"), at most one blank line,
 * one blank line before a section, "Nơi nhận:", the kind line and the signature, none inside Nơi nhận,
 * and one newline at the end.
 */
export function formatThidua(text: string, lexer: Lexer): string {
    const result = lexer.tokenize(text);
    const first = new Map<number, { name: string; column: number }>();
    for (const t of [...result.tokens, ...result.hidden]) {
        const name = t.tokenType.name;
        if (name === 'NL' || name.startsWith('NL_') || name === 'WS') continue;
        const line = (t.startLine ?? 1) - 1,
            column = t.startColumn ?? 0;
        const current = first.get(line);
        if (!current || column < current.column) first.set(line, { name, column });
    }
    // Pipes placed by offset (the lines are those of the text with every line break made "\n").
    const starts = [0];
    for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
    const pipes = new Map<number, number[]>();
    for (const t of result.tokens) {
        if (t.tokenType.name !== '|') continue;
        let lo = 0,
            hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= t.startOffset) lo = mid;
            else hi = mid - 1;
        }
        let list = pipes.get(lo);
        if (!list) pipes.set(lo, (list = []));
        list.push(t.startOffset - starts[lo]);
    }
    const lines = alignTables(text.replace(/\r\n?/g, '\n').split('\n'), pipes);
    const out: string[] = [];
    let inRecipients = false,
        afterRecipients = false,
        pendingBlank = false;
    lines.forEach((raw, i) => {
        let line = raw.trim();
        const kind = first.get(i)?.name;
        if (line === '') {
            pendingBlank = out.length > 0 && !inRecipients;
            return;
        }
        if (kind === 'BULLET') line = line.replace(/^([-+•–])\s+/u, '$1 ');
        if (kind && MARKERS.has(kind)) line = line.replace(/^([^\s]+)\s+/u, '$1 ');
        if (kind === 'BULLET') line = line.replace(/^([-+•–] )([0-9]{1,3}\)|[a-zđ]\))\s+/u, '$1$2 ');
        if (kind === 'NOI_NHAN') inRecipients = true;
        else if (inRecipients && kind !== 'BULLET' && kind !== 'COMMENT') {
            inRecipients = false;
            afterRecipients = true;
        }
        const forced =
            out.length > 0 &&
            ((kind !== undefined && BLANK_BEFORE.has(kind)) || (afterRecipients && kind !== 'COMMENT'));
        if (afterRecipients && kind !== 'COMMENT') afterRecipients = false;
        if ((pendingBlank || forced) && !(inRecipients && kind === 'BULLET')) out.push('');
        pendingBlank = false;
        out.push(line);
    });
    return out.join('\n') + '\n';
}

/** Cells longer than this are not lined up: one long cell would pad every row of its table to its length. */
const ALIGNED_WIDTH = 80;

/**
 * Table rows (lines whose first token is "|") padded so that their pipes line up, but for cells longer than
 * `ALIGNED_WIDTH`; only spaces change.
 */
function alignTables(lines: string[], pipes: Map<number, number[]>): string[] {
    const out = [...lines];
    let i = 0;
    while (i < lines.length) {
        if (!pipes.has(i) || lines[i].trimStart()[0] !== '|') {
            i++;
            continue;
        }
        let end = i;
        while (end + 1 < lines.length && pipes.has(end + 1) && lines[end + 1].trimStart()[0] === '|') end++;
        const rows = [];
        for (let r = i; r <= end; r++) {
            const cols = pipes.get(r)!;
            const cells = cols.slice(0, -1).map((c, k) => lines[r].slice(c + 1, cols[k + 1]).trim());
            const tail = lines[r].slice(cols[cols.length - 1] + 1).trim();
            rows.push({ cells, tail });
        }
        const widths: number[] = [];
        for (const row of rows)
            row.cells.forEach((c, k) => {
                const length = [...c].length;
                widths[k] = Math.max(widths[k] ?? 0, length > ALIGNED_WIDTH ? 0 : length);
            });
        rows.forEach((row, r) => {
            const pad = (c: string, k: number) => ' '.repeat(Math.max(0, widths[k] - [...c].length));
            const body = row.cells.map((c, k) => ` ${c}${pad(c, k)} |`).join('');
            out[i + r] = `|${body}${row.tail ? ` ${row.tail}` : ''}`;
        });
        i = end + 1;
    }
    return out;
}
