import type { LangiumCoreServices } from 'langium';
import { formatThidua } from '../language/syntax/format-text.js';

/**
 * The import's contract: the file it writes parses. A line the parser cannot place is kept as prose by a "\\" at its
 * start (not part of the document; see `segments`); what is still not parsed after a few rounds is made prose from
 * the first problem on, and at last the whole text. Every word stays, in order.
 */
export function ensureParses(
    text: string,
    problemLines: (text: string) => number[]
): { text: string; demoted: number } {
    const lines = text.split('\n');
    let demoted = 0;
    const demote = (i: number) => {
        const l = lines[i];
        if (l === undefined || !l.trim() || /^\s*\/\//.test(l)) return false;
        // Markup the import added ("[", "{") goes back to plain characters, and a backslash before a blank is written
        // "\\\\": the words stay, the line is prose.
        // A line that already starts with "\\" is prose: only its markup is escaped.
        const body = l.trimStart();
        const escaped = body.replace(/\\(?=\s|$)/g, '\\\\').replace(/(?<!\\)([[\]{}])/g, '\\$1');
        const fixed = escaped.startsWith('\\') ? escaped : `\\${escaped}`;
        if (fixed === l) return false;
        lines[i] = fixed;
        demoted++;
        return true;
    };
    for (let round = 0; round < 60; round++) {
        // An error at the end of the text belongs to the last line that is not prose already.
        const problems = problemLines(lines.join('\n')).map(i => (i >= lines.length - 1 ? lines.length : i));
        if (!problems.length) return { text: lines.join('\n'), demoted };
        let changed = false;
        for (const i of problems) changed = demote(nearestText(lines, i)) || changed;
        if (!changed || round >= 50) {
            // Prose from the first problem on, or from the start of a block above it that the problem left unfinished
            // (a header above a title that never came): up to ten blocks back, then the whole text.
            const kept = [...lines],
                keptCount = demoted;
            let from = Math.min(...problems.map(i => nearestText(lines, i)));
            for (let block = 0; block <= 10 && from >= 0; block++) {
                for (let i = from; i < lines.length; i++) demote(i);
                if (!problemLines(lines.join('\n')).length) return { text: lines.join('\n'), demoted };
                lines.splice(0, lines.length, ...kept);
                demoted = keptCount;
                from = blockStart(lines, from);
            }
            for (let i = 0; i < lines.length; i++) demote(i);
            return { text: lines.join('\n'), demoted };
        }
    }
    return { text: lines.join('\n'), demoted };
}

/**
 * The line itself, or the nearest line above it with text that is not prose already: an error at a line break or at
 * the end (a block left unfinished, such as a signature without its title) belongs to the line before.
 */
function nearestText(lines: string[], i: number): number {
    let k = Math.min(Math.max(i, 0), lines.length - 1);
    while (k > 0 && (!lines[k].trim() || (k < i && /^\s*(?:\\|\/\/)/.test(lines[k])))) k--;
    return k;
}

/** The first line of the block of lines (between blank lines) above line `i`; -1 when there is none. */
function blockStart(lines: string[], i: number): number {
    let k = i - 1;
    while (k >= 0 && !lines[k].trim()) k--;
    if (k < 0) return -1;
    while (k > 0 && lines[k - 1].trim()) k--;
    return k;
}

/** The lines (0-based) where the text does not lex or parse. */
export function problemLinesOf(services: LangiumCoreServices): (text: string) => number[] {
    return text => {
        const result = services.parser.LangiumParser.parse(text);
        const lines = [
            ...result.lexerErrors.map(e => (e.line ?? 1) - 1),
            // An error at the end of the text has no line (Chevrotain's end-of-file token: NaN in 11, -1 from 12).
            ...result.parserErrors.map(e =>
                e.token.startLine! >= 1 ? e.token.startLine! - 1 : text.split('\n').length - 1
            )
        ];
        return [...new Set(lines)].sort((a, b) => a - b);
    };
}

/** An import's text as it is written: in the canonical layout, every line the parser cannot place kept as prose. */
export function finishImport(text: string, services: LangiumCoreServices): { text: string; demoted: number } {
    return ensureParses(formatThidua(text, services.parser.Lexer), problemLinesOf(services));
}
