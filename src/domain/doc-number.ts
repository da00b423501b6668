import { documentKinds } from './tables.js';

/** Số và ký hiệu: state form `12/CT-UBND`, `98/2023/NĐ-CP`, blank draft `/KH-UBND`; Party form `34-CT/TW`. */
export const DOC_NUMBER_SOURCE =
    '[0-9]{1,5}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*' +
    '|[0-9]{0,5}/(?:[0-9]{4}/)?[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*';

export interface DocNumber {
    raw: string;
    form: 'state' | 'party';
    /** Undefined when left blank in a draft (`/KH-UBND`). */
    number?: number;
    numberRaw: string;
    year?: number;
    /** Type code (CT, KH, NQ …) when the first group is one; undefined for công văn (`12/UBND-VX`). */
    typeCode?: string;
    issuerCode: string;
}

const typeCodes = new Set(documentKinds.map(k => k.code).filter((c): c is string => !!c));

export function parseDocNumber(raw: string): DocNumber | undefined {
    const s = raw.trim();
    let m = /^([0-9]{1,5})-([A-ZĐ][A-Za-zĐđ]*)\/(.+)$/.exec(s);
    if (m) {
        return { raw: s, form: 'party', number: Number(m[1]), numberRaw: m[1], typeCode: m[2], issuerCode: m[3] };
    }
    m = /^([0-9]{0,5})\/(?:([0-9]{4})\/)?([A-ZĐ][A-Za-zĐđ0-9]*)(?:-(.+))?$/.exec(s);
    if (m) {
        const first = m[3];
        const isType = typeCodes.has(first) && m[4] !== undefined;
        return {
            raw: s,
            form: 'state',
            number: m[1] === '' ? undefined : Number(m[1]),
            numberRaw: m[1],
            year: m[2] ? Number(m[2]) : undefined,
            typeCode: isType ? first : undefined,
            issuerCode: isType ? m[4] : m[4] ? `${first}-${m[4]}` : first
        };
    }
    return undefined;
}

/** The document number of a header line such as `Số: 12/CT-UBND` or `Số 127-QĐ/TW`. */
export function parseNumberLine(line: string): DocNumber | undefined {
    const m = /^Số[ \t]*:?[ \t]*(.*?)[ \t]*$/.exec(line.trim());
    return m ? parseDocNumber(m[1].replace(/[ \t]+/g, '')) : undefined;
}

/**
 * Whether one number written in two places may be one document, by the years of their dates: a body numbers its
 * documents from 01 each year (NĐ 30/2020 Điều 15), so without a year in the number two years are two documents.
 */
export function sameNumberingYear(number: DocNumber, a: number | undefined, b: number | undefined): boolean {
    return number.year !== undefined || a === undefined || b === undefined || a === b;
}
