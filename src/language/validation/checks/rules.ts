import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import rulesData from '../../../domain/data/rules.json' with { type: 'json' };
import { positionOf } from '../../syntax/thidua-parser.js';
import { isCitation, isTextPart, isValue, type Citation, type Inline, type Value } from '../../generated/ast.js';

export type RuleCode = keyof typeof rulesData.rules;
type Severity = 'error' | 'warning' | 'info' | 'hint';

export const rules = rulesData.rules as Record<RuleCode, { severity: Severity; source: string }>;

/** One text edit of a quick fix; `uri` set when it edits another file (e.g. the registry). */
export interface FixEdit {
    uri?: string;
    range: Range;
    newText: string;
}
export interface Fix {
    title: string;
    edits: FixEdit[];
}

/** What a diagnostic carries: its rule (not in `code`, which editors show to the drafter) and its fixes. */
export interface ThiduaDiagnosticData {
    code: RuleCode;
    fixes: Fix[];
}

/** `related`: the other places the one mistake shows (LSP related information). */
export interface Where {
    node: AstNode;
    property?: string;
    range?: Range;
    related?: { node: AstNode; message: string }[];
}

/** Reports a rule violation with the rule's severity, its source appended to the message, and its fixes. */
export function report(
    accept: ValidationAcceptor,
    code: RuleCode,
    message: string,
    where: Where,
    fixes: Fix[] = []
): void {
    const rule = rules[code];
    const data: ThiduaDiagnosticData = { code, fixes };
    const relatedInformation = where.related?.flatMap(r => {
        const range = r.node.$cstNode?.range;
        return range
            ? [{ location: { uri: AstUtils.getDocument(r.node).uri.toString(), range }, message: r.message }]
            : [];
    });
    accept(rule.severity, `${message} (${rule.source})`.normalize('NFC'), {
        node: where.node,
        property: where.property as never,
        range: where.range ?? directRange(where),
        data,
        ...(relatedInformation?.length ? { relatedInformation } : {})
    });
}

/** The range of a text property of a value or citation, found without searching the CST. */
function directRange(where: Where): Range | undefined {
    const { node, property } = where;
    if (!property || !(isValue(node) || isCitation(node) || isTextPart(node))) return undefined;
    const text: unknown = Reflect.get(node, property);
    const start = typeof text === 'string' ? propertyOffset(node, property) : undefined;
    return start === undefined ? undefined : rangeOf(node, start, start + (text as string).length);
}

export function rangeOf(node: AstNode, start: number, end: number): Range {
    return { start: positionOf(node, start), end: positionOf(node, end) };
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
    const type = node.$type;
    if (type === 'Value' && property === 'text' && (node as Value).text !== undefined) {
        const value = node as Value;
        const prefix = value.id ? value.id.length : value.indicator ? value.indicator.$refText.length + 1 : 0;
        // No hidden token inside { }: the text starts right after "{" and the id.
        return cst.offset + 1 + prefix;
    }
    if (type === 'TextPart' && property === 'text') return cst.offset;
    if (type === 'Citation') {
        const citation = node as Citation;
        if (property === 'head' && citation.head !== undefined) return cst.offset + 1;
        if (property === 'tail' && citation.tail !== undefined && citation.number?.$refNode)
            return citation.number.$refNode.end;
    }
    return GrammarUtils.findNodeForProperty(cst, property, index)?.offset;
}

/** A piece of document text with its absolute offset, so that scans over prose map back to exact ranges. */
export interface Piece {
    text: string;
    offset: number;
    node: AstNode;
}

/** The text pieces of inline parts in order: prose, citation text, value text (the id and brackets left out). */
export function piecesOf(parts: readonly Inline[]): Piece[] {
    const out: Piece[] = [];
    // Compared by $type: each is a concrete type (the generated guards ask the reflection for subtypes).
    for (const part of parts) {
        if (part.$type === 'TextPart') {
            const offset = part.$cstNode?.offset;
            if (typeof part.text === 'string' && offset !== undefined)
                out.push({ text: part.text, offset, node: part });
        } else if (part.$type === 'Citation') {
            push(out, part, 'head');
            const n = part.number?.$refNode;
            if (n && part.number) out.push({ text: part.number.$refText, offset: n.offset, node: part });
            push(out, part, 'tail');
        } else if (part.$type === 'Value') push(out, part, 'text');
    }
    return out;
}

function push(out: Piece[], node: AstNode, property: string): void {
    const text = (node as AstNode & Record<string, unknown>)[property];
    if (typeof text !== 'string') return;
    const offset = propertyOffset(node, property);
    if (offset !== undefined) out.push({ text, offset, node });
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

/** Vowels carrying a tone mark (sắc, huyền, hỏi, ngã, nặng): a Vietnamese syllable has at most one. */
export const TONED_CHARS = 'áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const TONED_TABLE = new Uint8Array(LETTER_TABLE.length);
for (const c of TONED_CHARS + TONED_CHARS.toUpperCase()) TONED_TABLE[c.charCodeAt(0)] = 1;

/**
 * Lower case of the first 12,288 code points, one code unit each (a letter whose lower case is longer keeps itself).
 */
const LOWER = new Uint16Array(LETTER_TABLE.length);
for (let c = 0; c < LOWER.length; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}

function lowerCode(c: number): number {
    if (c < LOWER.length) return LOWER[c];
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** A hash of a lower-cased word, as Words computes it for each word. */
export function wordHash(lower: string): number {
    let h = 0;
    for (let k = 0; k < lower.length; k++) h = (Math.imul(h, 31) + lower.charCodeAt(k)) | 0;
    return h;
}

/** Start, end, number of toned vowels and hash (of the lower case) of each word of the last text scanned (one
 * line's checks run together, so one buffer serves all). */
let bounds = new Int32Array(1024);
/** Which scan filled the buffer (a number, not the Words: that would keep its text, and a file's, in memory). */
let boundsOwner = 0,
    scans = 0;

/**
 * The words (runs of letters, \p{L}+) of a text, compared lower-cased code unit by code unit. A line's scans look
 * at every word, but only a few words are ever needed as strings, so none is made until asked for.
 */
export class Words {
    private count = 0;
    private scanned = 0;

    constructor(readonly text: string) {
        this.scan();
    }

    /** Finds the words into the shared buffer (again, if another text has used it since). */
    private scan(): Int32Array {
        const text = this.text,
            length = text.length;
        let i = 0,
            n = 0;
        while (i < length) {
            let c = text.charCodeAt(i);
            let k = c < LETTER_TABLE.length ? LETTER_TABLE[c] : letterAt(text, i);
            if (!k) {
                i++;
                continue;
            }
            if (4 * n + 4 > bounds.length) {
                const grown = new Int32Array(bounds.length * 2);
                grown.set(bounds);
                bounds = grown;
            }
            bounds[4 * n] = i;
            let toned = 0,
                hash = 0;
            do {
                if (c < TONED_TABLE.length) {
                    toned += TONED_TABLE[c];
                    hash = (Math.imul(hash, 31) + LOWER[c]) | 0;
                } else {
                    hash = (Math.imul(hash, 31) + lowerCode(c)) | 0;
                    if (k === 2) hash = (Math.imul(hash, 31) + lowerCode(text.charCodeAt(i + 1))) | 0;
                }
                i += k;
                if (i >= length) break;
                c = text.charCodeAt(i);
                k = c < LETTER_TABLE.length ? LETTER_TABLE[c] : letterAt(text, i);
            } while (k);
            bounds[4 * n + 1] = i;
            bounds[4 * n + 2] = toned;
            bounds[4 * n + 3] = hash;
            n++;
        }
        this.count = n;
        boundsOwner = this.scanned = ++scans;
        return bounds;
    }

    private get bounds(): Int32Array {
        return boundsOwner === this.scanned ? bounds : this.scan();
    }

    get length(): number {
        return this.count;
    }
    /** Where word `i` starts and ends in the text. */
    start(i: number): number {
        return this.bounds[4 * i];
    }
    end(i: number): number {
        return this.bounds[4 * i + 1];
    }
    /** How many vowels of word `i` carry a tone mark. */
    toned(i: number): number {
        return this.bounds[4 * i + 2];
    }
    /** wordHash of word `i` lower-cased. */
    hash(i: number): number {
        return this.bounds[4 * i + 3];
    }
    /** Word `i`, lower-cased. */
    word(i: number): string {
        return this.text.slice(this.start(i), this.end(i)).toLowerCase();
    }
    /** Character code `k` of word `i`, lower-cased. */
    code(i: number, k: number): number {
        return lowerCode(this.text.charCodeAt(this.start(i) + k));
    }
    size(i: number): number {
        const b = this.bounds;
        return b[4 * i + 1] - b[4 * i];
    }
    /** Word `i` is `lower` (a lower-cased word). */
    is(i: number, lower: string, hash = wordHash(lower)): boolean {
        if (hash !== this.hash(i)) return false;
        const n = lower.length;
        if (n !== this.size(i)) return false;
        for (let k = 0; k < n; k++) if (this.code(i, k) !== lower.charCodeAt(k)) return false;
        return true;
    }
    /** Words `i` and `j` are the same word (case ignored). */
    same(i: number, j: number): boolean {
        const b = this.bounds;
        if (b[4 * i + 3] !== b[4 * j + 3]) return false;
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

    /** Where piece `i` starts in the joined text. */
    startOf(i: number): number {
        return this.starts[i];
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
