/**
 * A table written as pipe rows, read as a grid: header rows (those above a row of "---" cells), cells joined
 * to the left ("<") or to the cell above ("^"), and the alignment a "---" cell gives its column.
 */
export type Align = 'left' | 'center' | 'right';

export interface GridCell {
    /** Index of the written row and of the written cell in it. */
    row: number;
    index: number;
    col: number;
    text: string;
    colSpan: number;
    rowSpan: number;
}

export interface GridRow {
    row: number;
    header: boolean;
    cells: GridCell[];
}

export interface Grid {
    columns: number;
    rows: GridRow[];
    /** The written row of "---" cells, when there is one. */
    separator?: number;
    align: (Align | undefined)[];
    /** The header text over each column, the header rows' cells joined top to bottom. */
    headings: string[];
}

const SEPARATOR_CELL = /^:?-{3,}:?$/;

export function isSeparatorRow(cells: readonly string[]): boolean {
    return (
        cells.length > 0 &&
        cells.some(c => c.trim() !== '') &&
        cells.every(c => c.trim() === '' || SEPARATOR_CELL.test(c.trim()))
    );
}

export const JOIN_LEFT = '<';
export const JOIN_UP = '^';

/** The grid of written rows (each a list of cell texts, as written between the "|"). */
export function buildGrid(written: readonly (readonly string[])[]): Grid {
    const separator = written.findIndex(isSeparatorRow);
    const columns = Math.max(0, ...written.map(r => r.length));
    const align: (Align | undefined)[] = Array.from({ length: columns }, (_, i) => {
        const s = separator >= 0 ? (written[separator][i]?.trim() ?? '') : '';
        if (!s) return undefined;
        return s.startsWith(':') && s.endsWith(':')
            ? 'center'
            : s.endsWith(':')
              ? 'right'
              : s.startsWith(':')
                ? 'left'
                : undefined;
    });
    const rows: GridRow[] = [];
    // For each column, the cell of the row above that covers it (to extend with "^").
    const above: (GridCell | undefined)[] = new Array(columns).fill(undefined);
    written.forEach((cells, r) => {
        if (r === separator) return;
        const row: GridRow = { row: r, header: separator > 0 && r < separator, cells: [] };
        const covering: (GridCell | undefined)[] = new Array(columns).fill(undefined);
        for (let c = 0; c < columns; c++) {
            const text = (cells[c] ?? '').trim();
            const left = c > 0 ? covering[c - 1] : undefined;
            if (text === JOIN_LEFT && left && left.rowSpan === 1) {
                left.colSpan++;
                covering[c] = left;
                continue;
            }
            const up = above[c];
            if (text === JOIN_UP && up && up.col === c && columnsOf(up) === 1 + spanBeyond(cells, c)) {
                up.rowSpan++;
                for (let k = c; k < c + up.colSpan; k++) covering[k] = up;
                c += up.colSpan - 1;
                continue;
            }
            const cell: GridCell = { row: r, index: c, col: c, text, colSpan: 1, rowSpan: 1 };
            row.cells.push(cell);
            covering[c] = cell;
        }
        for (let c = 0; c < columns; c++) above[c] = covering[c];
        rows.push(row);
    });
    const headings = Array.from({ length: columns }, (_, c) =>
        rows
            .filter(r => r.header)
            .map(r => r.cells.find(x => x.col <= c && c < x.col + x.colSpan)?.text ?? '')
            .filter((t, i, all) => t && t !== all[i - 1])
            .join(' ')
    );
    return { columns, rows, separator: separator >= 0 ? separator : undefined, align, headings };
}

function columnsOf(cell: GridCell): number {
    return cell.colSpan;
}

/** How many "<" cells follow column `c` in a written row (a "^" under a wide cell carries them). */
function spanBeyond(cells: readonly string[], c: number): number {
    let n = 0;
    while ((cells[c + 1 + n] ?? '').trim() === JOIN_LEFT) n++;
    return n;
}

/** A cell reads as a number (right-aligned): "12", "1.571,8", "-2", "95%", "10 điểm". */
export function isNumericCell(text: string): boolean {
    return /^[-−+]?\s*[0-9][0-9.,]*\s*(?:%|‰|điểm)?$/u.test(text.replace(/\*/g, '').trim());
}
