import docTypesData from './data/doc-types.json' with { type: 'json' };
import unitsData from './data/units.json' with { type: 'json' };

export interface DocumentKind {
    name: string;
    code?: string;
    title: string;
    campaign?: boolean;
    party?: boolean;
    normative?: boolean;
}

export interface UnitInfo {
    unit: string;
    kind: string;
    factor?: number;
    aliases?: string[];
    /** Words that, after the unit's word, make another word ("đồng chí", "đồng thời"): no unit there. */
    notBefore?: string[];
}

export const documentKinds: readonly DocumentKind[] = docTypesData.types;
export const units: readonly UnitInfo[] = unitsData.units;

const kindsByTitle = new Map(documentKinds.map(k => [k.title, k]));

export function kindByTitle(title: string): DocumentKind | undefined {
    return kindsByTitle.get(title.normalize('NFC').trim());
}

/** Document kinds whose name starts `text` (longest first), e.g. "Nghị quyết Đại hội …" → Nghị quyết. */
const kindsLongestFirst = documentKinds
    .map(k => ({ k, n: k.name.toLowerCase() }))
    .sort((a, b) => b.n.length - a.n.length);

export function kindPrefixOf(text: string): DocumentKind | undefined {
    const lower = text.normalize('NFC').toLowerCase();
    return kindsLongestFirst.find(({ n }) => lower === n || lower.startsWith(n + ' '))?.k;
}

const unitForms: { form: string; info: UnitInfo }[] = units
    .flatMap(u => [u.unit, ...(u.aliases ?? [])].map(form => ({ form, info: u })))
    .sort((a, b) => b.form.length - a.form.length);

/** The longest known unit at the start of `text` (case-sensitive for codes like HTX). */
export function unitPrefixOf(text: string): { form: string; info: UnitInfo } | undefined {
    for (const u of unitForms) {
        if (text.startsWith(u.form)) {
            const next = text[u.form.length];
            const word = u.info.notBefore && /^[ \t]+([\p{L}]+)/u.exec(text.slice(u.form.length))?.[1];
            if (word && u.info.notBefore!.includes(word.toLowerCase())) continue;
            if (next === undefined || !/[0-9A-Za-zÀ-ỹĐđ]/.test(next) || u.form === '%' || u.form === '‰') return u;
        }
    }
    return undefined;
}
