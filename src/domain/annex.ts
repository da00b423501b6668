import { findDates, type ViDate } from './dates.js';
import { DOC_NUMBER_SOURCE, parseDocNumber, type DocNumber } from './doc-number.js';
import { kindPrefixOf, type DocumentKind } from './tables.js';

/** What an annex's "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân tỉnh)" line names. */
export interface AttachedTo {
    kind?: DocumentKind;
    kindText?: string;
    /** Offset and text of the số/ký hiệu in the line ("45/KH-UBND", or "/KH-UBND" left blank in a draft). */
    number?: { raw: string; offset: number; parsed?: DocNumber };
    date?: ViDate & { offset: number; length: number };
    issuer?: string;
}

const ATTACHED = /^[*_\s]*\(?[*_\s]*(?:Ban hành\s+)?[Kk]èm theo\s+/u;
const NUMBER = new RegExp(
    `(?<![0-9A-Za-z])(?:số[ \\t]*)?(${DOC_NUMBER_SOURCE}|[0-9]{0,5}[ \\t]*/[ \\t]*[A-ZĐ][A-Za-zĐđ0-9-]*)`,
    'u'
);

export function isAttachedLine(text: string): boolean {
    return ATTACHED.test(text);
}

export function parseAttachedLine(text: string): AttachedTo | undefined {
    const head = ATTACHED.exec(text);
    if (!head) return undefined;
    const rest = text.slice(head[0].length);
    const out: AttachedTo = {};
    out.kind = kindPrefixOf(rest);
    if (out.kind) out.kindText = rest.slice(0, out.kind.name.length);
    const n = NUMBER.exec(rest);
    if (n) {
        const raw = n[1].replace(/[ \t]+/g, '');
        out.number = { raw, offset: head[0].length + n.index + n[0].length - n[1].length, parsed: parseDocNumber(raw) };
    }
    const after = n ? rest.slice(n.index + n[0].length) : rest;
    const base = text.length - after.length;
    const d = findDates(after).find(x => x.form !== 'month');
    if (d) out.date = { ...d, offset: base + d.offset };
    const issuer = /(?:^|\s)của\s+(.+?)\s*\)?\s*[.*_]*\s*$/u.exec(after);
    if (issuer) out.issuer = issuer[1].trim();
    return out;
}

/** The numeral of an annex heading ("Phụ lục II" → "II", "PHỤ LỤC SỐ 01" → "01"), or undefined. */
export function annexNumeral(heading: string): { text: string; offset: number } | undefined {
    const m = /^(?:PHỤ LỤC|Phụ lục)(?:[ \t]+(?:SỐ|Số|số))?[ \t]+([0-9IVXLC]{1,5}[a-zA-Z]?)(?![\p{L}\p{N}])/u.exec(
        heading
    );
    return m ? { text: m[1], offset: m[0].length - m[1].length } : undefined;
}
