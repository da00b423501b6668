import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import levelsData from '../../../domain/data/admin-levels.json' with { type: 'json' };
import agenciesData from '../../../domain/data/agencies.json' with { type: 'json' };
import docTypesData from '../../../domain/data/doc-types.json' with { type: 'json' };
import type { ViDate } from '../../../domain/dates.js';
import type { CoSigner, Document, Signature } from '../../generated/ast.js';
import { isPositionStart, type ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { rangeOf, report, type Fix } from './rules.js';

interface Level {
    word: string;
    tiers: number[];
    from?: string;
    until?: string;
}

const escape = (s: string) =>
    s
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+');
const alt = (list: readonly string[]) => list.map(escape).join('|');
const levels = levelsData.levels as Level[];
/** A body's name, maybe after a lead ("THƯỜNG TRỰC"); group 1 is the body. */
const NAME = new RegExp(`^\\s*(?:(?:${alt(levelsData.leads)})\\s+)?(${alt(levelsData.bodies)})(?![\\p{L}])`, 'iu');
const LEVEL = new RegExp(
    `^(?:(?:${alt(levels.map(l => l.word))})(?![\\p{L}])|` +
        `${levelsData.abbreviations.map(a => escape(a) + (a.endsWith('.') ? '' : '(?![\\p{L}.])')).join('|')})`,
    'iu'
);
const LEVEL_WORD = new RegExp(`^(${alt(levels.map(l => l.word))})(?![\\p{L}])`, 'iu');
const NOT_PLACE = new RegExp(`^(?:${alt(levelsData.notPlace)})(?![\\p{L}])`, 'iu');
/** Another agency or a document's title, not a place ("SỞ NỘI VỤ", "QUYẾT ĐỊNH"). */
const otherNames = [...agenciesData.heads, ...docTypesData.types.map(t => t.title)];
const OTHER = new RegExp(`^(?:${alt(otherNames)})(?![\\p{L}])`, 'iu');
/** A place name as a header writes it: a few words of letters ("LAI CHÂU", "BÀ RỊA - VŨNG TÀU"). */
const PLACE = /^\p{L}+(?:\s*[-–]\s*\p{L}+|\s+\p{L}+){0,5}$/u;

/** A line of the document: its token's text and where it starts. */
interface Line {
    text: string;
    offset: number;
}

/** Lines joined with a space, emphasis marks left out; `at` maps each character back to its document offset. */
function joinLines(lines: Line[]): { text: string; at: number[] } {
    let text = '';
    const at: number[] = [];
    lines.forEach((line, k) => {
        if (k) {
            text += ' ';
            at.push(line.offset);
        }
        for (let i = 0; i < line.text.length; i++) {
            if (line.text[i] === '*') continue;
            text += line.text[i];
            at.push(line.offset + i);
        }
    });
    return { text, at };
}

function isPlace(text: string): boolean {
    const t = text.trim();
    return PLACE.test(t) && !LEVEL.test(t) && !NOT_PLACE.test(t) && !OTHER.test(t);
}

/** The line is a body's name and nothing else ("ỦY BAN NHÂN DÂN"). */
function bareBody(text: string): boolean {
    const plain = text.replace(/\*/g, '');
    const m = NAME.exec(plain);
    return !!m && !plain.slice(m[0].length).trim();
}

/** The document date as yyyy-mm-dd, or a day of its year when only the year is known and it decides. */
function isoDate(date: ViDate | undefined): string | undefined {
    if (!date?.year) return undefined;
    const pad = (n: number) => String(n).padStart(2, '0');
    if (date.month && date.day) return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    return date.year < 2025 ? `${date.year}-01-01` : date.year > 2025 ? `${date.year}-12-31` : undefined;
}

/**
 * The name of an Ủy ban nhân dân or Hội đồng nhân dân carries its administrative level before the place
 * ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"): in the header's agency lines and in the signature's quyền hạn.
 */
export class AgencyLevelChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkAgencyLevels(doc: Document, accept: ValidationAcceptor): void {
        const header = doc.headerLines ?? [];
        // The tier of the agency lines above: a body under "ỦY BAN NHÂN DÂN TỈNH …" is of a lower level.
        let above = 0;
        for (let i = 0; i < header.length; i++) {
            const line = lineOf(header[i], 'agency');
            if (!line) continue;
            // "ỦY BAN NHÂN DÂN" / "LAI CHÂU": one name wrapped over two lines.
            const next = header[i + 1]?.agency !== undefined ? lineOf(header[i + 1], 'agency') : undefined;
            const lines = next && bareBody(line.text) && isPlace(next.text.replace(/\*/g, '')) ? [line, next] : [line];
            above = Math.max(above, this.checkName(doc, header[i], lines, accept, above));
            i += lines.length - 1;
        }
        const signature = doc.signature;
        if (signature) for (const signer of [signature, ...signature.others]) this.checkSigner(doc, signer, accept);
    }

    /** Each quyền hạn; the last takes the lines under it that start no chức vụ, as the document model joins them. */
    private checkSigner(doc: Document, signer: Signature | CoSigner, accept: ValidationAcceptor): void {
        const titles = signer.titles.map((_, j) => lineOf(signer, 'titles', j));
        signer.authorities.forEach((_, i) => {
            const line = lineOf(signer, 'authorities', i);
            if (!line) return;
            // "TM." left out, its place kept.
            const text = line.text.replace(/^\s*(?:TM|KT|Q|TL|TUQ)\./u, m => ' '.repeat(m.length));
            const lines = [{ text, offset: line.offset }];
            if (i === signer.authorities.length - 1) {
                for (let j = 0; titles.length - j > 1 && titles[j] && !isPositionStart(titles[j]!.text); j++) {
                    lines.push(titles[j]!);
                }
            }
            this.checkName(doc, signer, lines, accept);
        });
    }

    /** Reports a body's name without a level; returns the tier of the level it names (0: none, or no such name). */
    private checkName(doc: Document, node: AstNode, lines: Line[], accept: ValidationAcceptor, above = 0): number {
        const { text, at } = joinLines(lines);
        const m = NAME.exec(text);
        if (!m) return 0;
        const bodyStart = m.index + m[0].length - m[1].length;
        const gap = /^\s+/u.exec(text.slice(m.index + m[0].length));
        if (!gap) return 0;
        const placeStart = m.index + m[0].length + gap[0].length;
        const place = text.slice(placeStart).trimEnd();
        const written = LEVEL_WORD.exec(place)?.[1].toUpperCase().replace(/\s+/g, ' ');
        if (written) return Math.min(...levels.find(l => l.word === written)!.tiers);
        if (!place || !isPlace(place)) return 0;
        const placeEnd = placeStart + place.length;
        const body = m[1].replace(/\s+/g, ' ');
        const upper = place === place.toUpperCase();
        const words = this.candidates(doc, place, above).map(w => (upper ? w : w.toLowerCase()));
        const name = (w: string) => `${body} ${w} ${place.replace(/\s+/g, ' ')}`;
        const others = words.slice(1, 4).join(', ') + (words.length > 4 ? ' …' : '');
        const message =
            `Tên cơ quan thiếu cấp hành chính: viết "${name(words[0])}" (hoặc ${others}) ` +
            `thay vì "${body} ${place.replace(/\s+/g, ' ')}".`;
        const insert = rangeOf(doc, at[placeStart], at[placeStart]);
        const fixes: Fix[] = words.map(w => ({
            title: `Viết "${name(w)}"`,
            edits: [{ range: insert, newText: `${w} ` }]
        }));
        const range = rangeOf(doc, at[bodyStart], at[placeEnd - 1] + 1);
        report(accept, 'co-quan-thieu-cap', message, { node, range }, fixes);
        return 0;
    }

    /**
     * The levels there were on the document's date: those the document itself writes before the place
     * ("tỉnh Lai Châu") first; under an agency line of tier `above`, the tier below it next and those not below last.
     */
    private candidates(doc: Document, place: string, above: number): string[] {
        const date = isoDate(this.models.get(doc).date);
        const valid = levels.filter(l => !date || ((!l.from || date >= l.from) && (!l.until || date <= l.until)));
        const text = AstUtils.getDocument(doc).textDocument.getText().toLowerCase().replace(/\s+/g, ' ');
        const count = (word: string) => {
            const needle = `${word} ${place}`.toLowerCase().replace(/\s+/g, ' ');
            let n = 0;
            for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
                if (!/\p{L}/u.test(text[i - 1] ?? '') && !/\p{L}/u.test(text[i + needle.length] ?? '')) n++;
            }
            return n;
        };
        const counted = valid.map((l, k) => ({
            word: l.word,
            n: count(l.word),
            k,
            up: above && Math.max(...l.tiers) <= above ? 1 : 0,
            next: above && l.tiers[0] === above + 1 ? 0 : 1
        }));
        // "xã Lai Châu" found inside "thị xã Lai Châu" is the longer level's.
        for (const a of counted) for (const b of counted) if (b.word.endsWith(` ${a.word}`)) a.n -= b.n;
        return counted.sort((a, b) => a.up - b.up || b.n - a.n || a.next - b.next || a.k - b.k).map(c => c.word);
    }
}

/** The token of a property (the `index`-th of a list) as a line. */
function lineOf(node: AstNode, property: string, index?: number): Line | undefined {
    const cst = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
    return cst ? { text: cst.text, offset: cst.offset } : undefined;
}
