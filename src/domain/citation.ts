import { findDates, type ViDate } from './dates.js';
import { parseDocNumber, type DocNumber } from './doc-number.js';
import { kindPrefixOf, type DocumentKind } from './tables.js';

/** A prior document as cited: loại, số/ký hiệu, ngày, cơ quan, trích yếu. */
export interface CitationInfo {
    /** The document kind as written ("Chỉ thị", or a misspelling such as "Chị thị"). */
    kindText: string;
    kind?: DocumentKind;
    docNumber?: DocNumber;
    date?: ViDate;
    issuer?: string;
    subject?: string;
    /** For a document cited by name without a number: the whole name. */
    name?: string;
}

/** Parses the parts of `[head number tail]`; head and tail are the text around the number. */
export function parseCitation(head: string | undefined, number: string | undefined, tail: string | undefined): CitationInfo {
    const h = (head ?? '').replace(/\s+/g, ' ').trim();
    const kindText = number !== undefined ? h.replace(/\s*(?<![\p{L}\p{N}])số$/u, '').trim() : h;
    const kind = kindPrefixOf(kindText);
    const info: CitationInfo = { kindText: number !== undefined ? kindText : (kind?.name ?? kindText), kind };
    if (number !== undefined) info.docNumber = parseDocNumber(number);
    let rest = (tail ?? '').replace(/\s+/g, ' ').trim();
    if (number === undefined) {
        const cut = h.search(/\s(?:ngày|của|về)\s/u);
        info.name = (cut >= 0 ? h.slice(0, cut) : h).trim();
        rest = cut >= 0 ? h.slice(cut).trim() : '';
    }
    const dates = findDates(rest);
    const date = dates.find(d => d.form !== 'month');
    if (date) info.date = { ...date };
    const issuerMatch = /(?:^|\s)của\s+(.+?)(?=\s+về\s|,|;|$)/u.exec(rest);
    if (issuerMatch) info.issuer = issuerMatch[1].trim();
    const subjectMatch = /(?:^|\s)(về\s.+)$/u.exec(rest);
    if (subjectMatch) info.subject = subjectMatch[1].trim();
    return info;
}
