// Who may confer which award on which date (Luật Thi đua, khen thưởng; the sources are in the data file).
import authorityData from './data/award-authority.json' with { type: 'json' };
import { dayNumber, isCompleteDate, type ViDate } from './dates.js';

export type Level = 'xã' | 'huyện' | 'tỉnh';

const levelWords: [Level, RegExp][] = (['xã', 'huyện', 'tỉnh'] as Level[]).map(level => [
    level,
    new RegExp(`(?<![\\p{L}])(?:${(authorityData.levels[level] as string[]).join('|')})(?![\\p{L}])`, 'iu')
]);

/** The administrative level named in a conferrer ("Chủ tịch UBND huyện" → huyện). */
export function levelOf(conferrer: string): Level | undefined {
    const s = conferrer.toLowerCase();
    if (/thủ tướng|chủ tịch nước|bộ trưởng/u.test(s)) return undefined;
    const found = levelWords
        .map(([level, re]) => ({ level, i: s.search(re) }))
        .filter(x => x.i >= 0)
        .sort((a, b) => a.i - b.i);
    return found[0]?.level;
}

/** The law in force on the document's date (or on 1 January of its campaign year). */
export function lawInForce(model: { date?: ViDate; campaignYear?: number }) {
    const date =
        model.date && isCompleteDate(model.date)
            ? model.date
            : model.campaignYear
              ? { year: model.campaignYear, month: 1, day: 1, raw: '', form: 'long' as const }
              : undefined;
    const day = date ? dayNumber(date) : undefined;
    if (day === undefined) return authorityData.laws[0];
    return (
        authorityData.laws.find(l => {
            const from = 'from' in l && l.from ? Date.parse(l.from) / 86400000 : -Infinity;
            const to = 'to' in l && l.to ? Date.parse(l.to) / 86400000 : Infinity;
            return day >= from && day <= to;
        }) ?? authorityData.laws[0]
    );
}
