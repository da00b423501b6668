import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import rulesData from '../../domain/data/rules.json' with { type: 'json' };
import { isCitation, isTextPart, isValue, type Inline } from '../generated/ast.js';

export type RuleCode = keyof typeof rulesData.rules;
type Severity = 'error' | 'warning' | 'info' | 'hint';

export const rules = rulesData.rules as Record<RuleCode, { severity: Severity; source: string }>;

/** One text edit of a quick fix; `uri` set when it edits another file (e.g. the registry). */
export interface FixEdit { uri?: string; range: Range; newText: string }
export interface Fix { title: string; edits: FixEdit[] }

/** What a diagnostic carries to the code action provider. */
export interface ThiduaDiagnosticData { code: RuleCode; fixes: Fix[] }

export interface Where { node: AstNode; property?: string; range?: Range }

/** Reports a rule violation with the rule's severity, its source appended to the message, and its fixes. */
export function report(accept: ValidationAcceptor, code: RuleCode, message: string, where: Where, fixes: Fix[] = []): void {
    const rule = rules[code];
    const data: ThiduaDiagnosticData = { code, fixes };
    accept(rule.severity, `${message} (${rule.source})`.normalize('NFC'), {
        node: where.node, property: where.property as never, range: where.range ?? directRange(where), code, data
    });
}

/** The range of a text property of a value or citation, found without searching the CST. */
function directRange(where: Where): Range | undefined {
    const { node, property } = where;
    if (!property || !(isValue(node) || isCitation(node) || isTextPart(node))) return undefined;
    const text = (node as unknown as Record<string, unknown>)[property];
    const start = typeof text === 'string' ? propertyOffset(node, property) : undefined;
    return start === undefined ? undefined : rangeOf(node, start, start + (text as string).length);
}

export function rangeOf(node: AstNode, start: number, end: number): Range {
    const doc = AstUtils.getDocument(node).textDocument;
    return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** The range of the first line of a node, without its line break. */
export function lineRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    return rangeOf(node, cst.offset, cst.offset + cst.text.split(/\r?\n/)[0].trimEnd().length);
}

/** Absolute offset of a property's token in the document text (direct for the hot cases, else a CST search). */
export function propertyOffset(node: AstNode, property: string, index?: number): number | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    if (isValue(node) && property === 'text' && node.text !== undefined) {
        const prefix = node.id ? node.id.length : node.indicator ? node.indicator.$refText.length + 1 : 0;
        // No hidden token inside { }: the text starts right after "{" and the id.
        return cst.offset + 1 + prefix;
    }
    if (isTextPart(node) && property === 'text') return cst.offset;
    if (isCitation(node) && property === 'head' && node.head !== undefined) return cst.offset + 1;
    if (isCitation(node) && property === 'tail' && node.tail !== undefined && node.number?.$refNode) return node.number.$refNode.end;
    return GrammarUtils.findNodeForProperty(cst, property, index)?.offset;
}


/** A piece of document text with its absolute offset, so that scans over prose map back to exact ranges. */
export interface Piece { text: string; offset: number; node: AstNode }

/** The text pieces of inline parts in order: prose, citation text, value text (the id and brackets left out). */
export function piecesOf(parts: readonly Inline[]): Piece[] {
    const out: Piece[] = [];
    for (const part of parts) {
        if (isTextPart(part)) push(out, part, 'text');
        else if (isCitation(part)) {
            push(out, part, 'head');
            const n = part.number?.$refNode;
            if (n && part.number) out.push({ text: part.number.$refText, offset: n.offset, node: part });
            push(out, part, 'tail');
        } else if (isValue(part)) push(out, part, 'text');
    }
    return out;
}

function push(out: Piece[], node: AstNode, property: string): void {
    const text = (node as unknown as Record<string, unknown>)[property];
    if (typeof text !== 'string') return;
    const offset = isTextPart(node) ? node.$cstNode?.offset : propertyOffset(node, property);
    if (typeof text === 'string' && offset !== undefined) out.push({ text, offset, node });
}

const LETTER = /\p{L}/u;
/** Letters of the first 12,288 code points (Latin, Vietnamese, Greek, Cyrillic, …) looked up, the rest tested. */
const LETTER_TABLE = new Uint8Array(0x3000);
for (let c = 0; c < LETTER_TABLE.length; c++) LETTER_TABLE[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;

/** The length (1 or 2 code units) of the letter at `i`, or 0: the runs of letters are the words of \p{L}+. */
function letterAt(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c < 0x3000) return LETTER_TABLE[c];
    const cp = text.codePointAt(i)!;
    return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * The words (runs of letters, \p{L}+) of a text, compared lower-cased. Kept as offsets into the lower-cased
 * text: a line's scans look at every word, but only a few words are ever needed as strings.
 */
export class Words {
    readonly starts: number[] = [];
    readonly ends: number[] = [];
    /** The lower-cased text when lower-casing keeps every offset; else each word lower-cased on its own. */
    private readonly lower?: string;
    private readonly strings?: string[];

    constructor(readonly text: string) {
        let i = 0;
        while (i < text.length) {
            let n = letterAt(text, i);
            if (!n) { i++; continue; }
            this.starts.push(i);
            do { i += n; n = i < text.length ? letterAt(text, i) : 0; } while (n);
            this.ends.push(i);
        }
        const lower = text.toLowerCase();
        if (lower.length === text.length) this.lower = lower;
        else this.strings = this.starts.map((s, k) => text.slice(s, this.ends[k]).toLowerCase());
    }

    get length(): number {
        return this.starts.length;
    }
    /** Word `i`, lower-cased. */
    word(i: number): string {
        return this.lower !== undefined ? this.lower.slice(this.starts[i], this.ends[i]) : this.strings![i];
    }
    /** Character code `k` of word `i`, lower-cased. */
    code(i: number, k: number): number {
        return this.lower !== undefined ? this.lower.charCodeAt(this.starts[i] + k) : this.strings![i].charCodeAt(k);
    }
    size(i: number): number {
        return this.lower !== undefined ? this.ends[i] - this.starts[i] : this.strings![i].length;
    }
    /** Words `i` and `j` are the same word (case ignored). */
    same(i: number, j: number): boolean {
        const n = this.size(i);
        if (n !== this.size(j)) return false;
        for (let k = 0; k < n; k++) if (this.code(i, k) !== this.code(j, k)) return false;
        return true;
    }
}

/** Joins pieces into one string and maps a position in it back to a document offset. */
export class PieceText {
    readonly text: string;
    private readonly starts: number[] = [];
    private wordList?: Words;
    constructor(readonly pieces: Piece[]) {
        let t = '';
        for (const p of pieces) {
            this.starts.push(t.length);
            t += p.text;
        }
        this.text = t;
    }
    /** The words (runs of letters) of the text, computed once for all scans. */
    get words(): Words {
        this.wordList ??= new Words(this.text);
        return this.wordList;
    }

    offsetAt(index: number): number {
        let i = this.starts.length - 1;
        while (i > 0 && this.starts[i] > index) i--;
        const p = this.pieces[i];
        return p ? p.offset + (index - this.starts[i]) : 0;
    }
    nodeAt(index: number): AstNode | undefined {
        let i = this.starts.length - 1;
        while (i > 0 && this.starts[i] > index) i--;
        return this.pieces[i]?.node;
    }
}
