import type { Inline, Paragraph, Khoan, Section, SubKhoan, Recipient } from '../generated/ast.js';
import { AstUtils, type AstNode } from 'langium';
import { reflection } from '../generated/ast.js';

/** A tree recovered from syntax errors may lack its root's lists: give them their empty defaults. */
export function completeRoot<T extends AstNode>(root: T): T {
    AstUtils.assignMandatoryProperties(reflection, root);
    return root;
}

/** Removes the backslash of `\[`, `\]`, `\{`, `\}`, `\*`, `\\`. */
export function unescapeText(s: string): string {
    return s.replace(/\\([\\[\]{}*_|<^])/g, '$1');
}

/** Marks a footnote reference in a source made for the page (`lineSource(node, true)`): NOTE_OPEN id NOTE_CLOSE. */
export const NOTE_OPEN = '\uE000',
    NOTE_CLOSE = '\uE001';

/** "[^1]": a footnote reference, written like a citation whose text is "^" and the note's id. */
export function footnoteId(c: { head?: string; number?: unknown; tail?: string }): string | undefined {
    if (c.number || c.tail) return undefined;
    return /^\^([0-9A-Za-z]{1,6})$/.exec(c.head ?? '')?.[1];
}

/** The document text of inline parts as written (emphasis marks kept, markup brackets dropped). */
export function inlineSource(parts: readonly Inline[], notes = false): string {
    let out = '';
    for (const part of parts) {
        // Compared by $type: each is a concrete type (the generated guards ask the reflection for subtypes).
        if (part.$type === 'TextPart') out += part.text;
        else if (part.$type === 'Citation' && notes && footnoteId(part))
            out += NOTE_OPEN + footnoteId(part) + NOTE_CLOSE;
        else if (part.$type === 'Citation')
            out += (part.head ?? '') + (part.number?.$refText ?? '') + (part.tail ?? '');
        // The space that separates an id ("{#id text}") from the text is not part of the document.
        else if (part.$type === 'Value')
            out += part.id || part.indicator ? (part.text ?? '').replace(/^ /, '') : (part.text ?? '');
    }
    return out;
}

/** `note`: a footnote reference, its text the note's id. */
export interface Segment {
    text: string;
    bold: boolean;
    italic: boolean;
    note?: boolean;
}

/**
 * Splits text with `*italic*`, `**bold**`, `***both***` marks into styled segments (escapes resolved). A run of
 * "*" opens emphasis only before a non-blank and closes it only after one, and only when it has a partner of the
 * same length: "b/a * 100%" or a lone "*Ghi chú" keeps its "*".
 */
export function segments(source: string): Segment[] {
    const runs: { at: number; n: number; paired: boolean }[] = [];
    const openers: number[] = [];
    // A "\\" that starts a line keeps the line as prose ("\\I. …" is not a section): it is not part of the text.
    const lead = /^\s*\\(?=\S)/.exec(source)?.[0].length ?? 0;
    const escaped = (i: number) =>
        source[i] === '\\' && i + 1 < source.length && (i === lead - 1 || /[\\[\]{}*_|<^]/.test(source[i + 1]));
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (escaped(i)) {
            i++;
            continue;
        }
        if (c !== '*') continue;
        let n = 1;
        while (source[i + n] === '*') n++;
        const before = source[i - 1],
            after = source[i + n];
        const canOpen = after !== undefined && !/\s/.test(after);
        const canClose = before !== undefined && !/\s/.test(before);
        const run = { at: i, n, paired: false };
        let k = canClose ? openers.length - 1 : -1;
        while (k >= 0 && runs[openers[k]].n !== n) k--;
        if (k >= 0) {
            runs[openers[k]].paired = run.paired = true;
            openers.length = k;
        } else if (canOpen) {
            openers.push(runs.length);
        }
        runs.push(run);
        i += n - 1;
    }
    const out: Segment[] = [];
    let bold = false,
        italic = false,
        buf = '',
        r = 0;
    const flush = () => {
        if (buf) out.push({ text: buf, bold, italic });
        buf = '';
    };
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (escaped(i)) {
            buf += source[++i];
            continue;
        }
        if (c === NOTE_OPEN) {
            const close = source.indexOf(NOTE_CLOSE, i);
            flush();
            out.push({ text: source.slice(i + 1, close), bold, italic, note: true });
            i = close;
            continue;
        }
        if (c === '*' && runs[r]?.at === i) {
            const run = runs[r++];
            if (!run.paired) {
                buf += '*'.repeat(run.n);
            } else {
                flush();
                if (run.n >= 3) {
                    bold = !bold;
                    italic = !italic;
                } else if (run.n === 2) bold = !bold;
                else italic = !italic;
            }
            i += run.n - 1;
            continue;
        }
        buf += c;
    }
    flush();
    return out;
}

/** Plain text: emphasis marks removed, escapes resolved. */
export function plainText(source: string): string {
    if (!source.includes('*') && !source.includes('\\')) return source;
    return segments(source)
        .map(s => s.text)
        .join('');
}

type Lined = Paragraph | Khoan | Section | SubKhoan | Recipient;

/** The whole line as the document shows it: bullet, numbering and text. */
export function lineSource(node: Lined, notes = false): string {
    const lead = 'bullet' in node && node.bullet ? node.bullet : '';
    const mark = 'mark' in node && node.mark ? node.mark : '';
    return lead + mark + inlineSource(node.parts, notes);
}
