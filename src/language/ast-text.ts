import type { Inline, Paragraph, Khoan, Section, SubKhoan, Recipient } from './generated/ast.js';
import { AstUtils, type AstNode } from 'langium';
import { reflection } from './generated/ast.js';

/** A tree recovered from syntax errors may lack its root's lists: give them their empty defaults. */
export function completeRoot<T extends AstNode>(root: T): T {
    AstUtils.assignMandatoryProperties(reflection, root);
    return root;
}

/** Removes the backslash of `\[`, `\]`, `\{`, `\}`, `\*`, `\\`. */
export function unescapeText(s: string): string {
    return s.replace(/\\([\\[\]{}*_])/g, '$1');
}

/** The document text of inline parts as written (emphasis marks kept, markup brackets dropped). */
export function inlineSource(parts: readonly Inline[]): string {
    let out = '';
    for (const part of parts) {
        // Compared by $type: each is a concrete type (the generated guards ask the reflection for subtypes).
        if (part.$type === 'TextPart') out += part.text;
        else if (part.$type === 'Citation') out += (part.head ?? '') + (part.number?.$refText ?? '') + (part.tail ?? '');
        // The space that separates an id ("{#id text}") from the text is not part of the document.
        else if (part.$type === 'Value') out += part.id || part.indicator ? (part.text ?? '').replace(/^ /, '') : part.text ?? '';
    }
    return out;
}

export interface Segment { text: string; bold: boolean; italic: boolean }

/** Splits text with `*italic*`, `**bold**`, `***both***` marks into styled segments (escapes resolved). */
export function segments(source: string): Segment[] {
    const out: Segment[] = [];
    let bold = false, italic = false, buf = '';
    const flush = () => {
        if (buf) out.push({ text: buf, bold, italic });
        buf = '';
    };
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\' && i + 1 < source.length && /[\\[\]{}*_]/.test(source[i + 1])) {
            buf += source[++i];
            continue;
        }
        if (c === '*') {
            let n = 1;
            while (source[i + n] === '*') n++;
            flush();
            if (n >= 3) { bold = !bold; italic = !italic; }
            else if (n === 2) bold = !bold;
            else italic = !italic;
            i += n - 1;
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
    return segments(source).map(s => s.text).join('');
}

type Lined = Paragraph | Khoan | Section | SubKhoan | Recipient;

/** The whole line as the document shows it: bullet, numbering and text. */
export function lineSource(node: Lined): string {
    const lead = 'bullet' in node && node.bullet ? node.bullet : '';
    const mark = 'mark' in node && node.mark ? node.mark : '';
    return lead + mark + inlineSource(node.parts);
}
