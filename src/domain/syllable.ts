import data from './data/syllables.json' with { type: 'json' };

/**
 * A Vietnamese syllable read by its structure (data/syllables.json): an onset, a rhyme from the table of rhymes, and
 * one tone mark placed on the rhyme's main vowel. Nothing here is a list of words.
 */
export type Tone = 'ngang' | 'huyen' | 'sac' | 'hoi' | 'nga' | 'nang';
export type Problem = 'structure' | 'tone-final' | 'tone-place' | 'spelling';

export interface Syllable {
    onset: string;
    rhyme: string;
    tone: Tone;
    /** Where the mark sits in an open oa, oe, uy: "hòa" (old) or "hoà" (new). */
    style?: 'old' | 'new';
}
export type Reading = { ok: true; syllable: Syllable } | { ok: false; problem: Problem; expected?: string };

const TONE_MARKS: Record<string, Tone> = {
    '\u0300': 'huyen',
    '\u0301': 'sac',
    '\u0309': 'hoi',
    '\u0303': 'nga',
    '\u0323': 'nang'
};
const MARK_OF: Record<Tone, string> = {
    ngang: '',
    huyen: '\u0300',
    sac: '\u0301',
    hoi: '\u0309',
    nga: '\u0303',
    nang: '\u0323'
};
const VOWELS = new Set('aăâeêioôơuưy');
const MODIFIED = new Set('ăâêôơ');
const RHYMES = new Set(data.rhymes);
const FRONT = new Set(data.frontVowels);
const FOREIGN = new RegExp(`[${data.foreignLetters.join('')}]`, 'iu');
const onsets = [...data.onsets].sort((a, b) => b.length - a.length);

interface Spelled {
    letters: string[];
    tone: Tone;
    toneAt: number;
    marks: number;
}

/** The letters without tone, the tone, and the letter it sits on. */
function spell(word: string): Spelled {
    const letters: string[] = [];
    let tone: Tone = 'ngang',
        toneAt = -1,
        marks = 0;
    for (const ch of word.normalize('NFD')) {
        const t = TONE_MARKS[ch];
        if (t) {
            tone = t;
            toneAt = letters.length - 1;
            marks++;
            continue;
        }
        if (/\p{M}/u.test(ch) && letters.length)
            letters[letters.length - 1] = (letters[letters.length - 1] + ch).normalize('NFC');
        else letters.push(ch);
    }
    return { letters, tone, toneAt, marks };
}

function write(letters: string[], tone: Tone, at: number): string {
    return letters.map((l, i) => (i === at ? (l + MARK_OF[tone]).normalize('NFC') : l)).join('');
}

/** The letter of the rhyme (index from its start) that carries the tone, and the other allowed one in oa, oe, uy. */
function mainVowel(rhyme: string[], qu: boolean): { at: number; alternative?: number } {
    let n = 0;
    while (n < rhyme.length && VOWELS.has(rhyme[n])) n++;
    const closed = n < rhyme.length;
    let modified = -1;
    for (let i = 0; i < n; i++) if (MODIFIED.has(rhyme[i])) modified = i;
    if (modified >= 0) return { at: modified };
    const horn = rhyme.indexOf('ư');
    if (horn >= 0 && horn < n) return { at: horn };
    if (closed || n === 1) return { at: n - 1 };
    if (n === 3) return { at: 1 };
    if (!qu && data.twoWayRhymes.includes(rhyme.join(''))) return { at: 0, alternative: 1 };
    return { at: 0 };
}

const cache = new Map<string, Reading>();
const MAX_LETTERS = 8;

/** Reads a lower-case word as a syllable; what is wrong with it, and the likely correction, when it is not one. */
export function readSyllable(word: string): Reading {
    // The longest syllable ("nghiêng", "nguyệt") has seven letters: a longer word is not one, whatever it is.
    if (word.length > MAX_LETTERS) return { ok: false, problem: 'structure' };
    const known = cache.get(word);
    if (known) return known;
    const reading = read(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, reading);
    return reading;
}

function read(word: string): Reading {
    const { letters, tone, toneAt, marks } = spell(word.normalize('NFC').toLowerCase());
    if (marks > 1) return { ok: false, problem: 'structure' };
    const bare = letters.join('');
    let onset = onsets.find(o => bare.startsWith(o) && VOWELS.has(bare[o.length] ?? '')) ?? '';
    if (!onset && !VOWELS.has(bare[0] ?? '')) onset = onsets.find(o => bare.startsWith(o)) ?? '';
    let start = onset.length;
    // "gì", "gìn": the i of "gi" is the rhyme's when no other vowel follows.
    if (bare.startsWith('gi') && ![...bare.slice(2)].some(c => VOWELS.has(c))) {
        onset = 'gi';
        start = 1;
    }
    // "giếng", "giêng": gi before iê writes one i.
    if (onset === 'gi' && !RHYMES.has(letters.slice(start).join('')) && RHYMES.has('i' + letters.slice(start).join('')))
        start = 1;
    const rhymeLetters = letters.slice(start);
    const rhyme = rhymeLetters.join('');
    if (!RHYMES.has(rhyme)) return { ok: false, problem: 'structure' };
    const first = rhyme[0];
    const base = bare.slice(0, onset.length);
    if (
        (base === 'k' && !FRONT.has(first)) ||
        ((base === 'gh' || base === 'ngh') && (!FRONT.has(first) || first === 'y'))
    ) {
        const fixed = { k: 'c', gh: 'g', ngh: 'ng' }[base]!;
        return {
            ok: false,
            problem: 'spelling',
            expected: write([...fixed, ...letters.slice(onset.length)], tone, toneAt - onset.length + fixed.length)
        };
    }
    if (
        (base === 'c' && FRONT.has(first)) ||
        ((base === 'g' || base === 'ng') && FRONT.has(first) && first !== 'y' && start === onset.length)
    ) {
        const fixed = { c: 'k', g: 'gh', ng: 'ngh' }[base]!;
        return {
            ok: false,
            problem: 'spelling',
            expected: write([...fixed, ...letters.slice(onset.length)], tone, toneAt - onset.length + fixed.length)
        };
    }
    const stopped = data.stopFinals.some(f => rhyme.endsWith(f) && rhyme.length > f.length);
    // Text typed without any mark ("hat") is not judged by its tone; "hăt" is.
    if (tone === 'ngang' && (!stopped || !isMarked(word))) return { ok: true, syllable: { onset, rhyme, tone } };
    if (stopped && tone !== 'sac' && tone !== 'nang') {
        return { ok: false, problem: 'tone-final' };
    }
    const main = mainVowel(rhymeLetters, onset === 'qu');
    const at = toneAt - start;
    if (at === main.at || at === main.alternative) {
        const style = main.alternative === undefined ? undefined : at === main.at ? 'old' : 'new';
        return { ok: true, syllable: { onset, rhyme, tone, ...(style ? { style } : {}) } };
    }
    return { ok: false, problem: 'tone-place', expected: write(letters, tone, start + main.at) };
}

/** The same syllable with its oa, oe, uy mark in the other place ("hòa" ↔ "hoà"). */
export function otherStyle(word: string): string | undefined {
    const r = readSyllable(word);
    if (!r.ok || !r.syllable.style) return undefined;
    const { letters, tone, toneAt } = spell(word);
    return write(letters, tone, r.syllable.style === 'old' ? toneAt + 1 : toneAt - 1);
}

/** Whether a word is checked as a Vietnamese syllable: lower case, no foreign letter, not a numeral ("iv", "ix"). */
export function isCheckable(word: string): boolean {
    return word === word.toLowerCase() && !FOREIGN.test(word) && !/^(?:x{0,3})(?:ix|iv|v?i{0,3})$/.test(word);
}

/** Whether a word carries a letter or mark only Vietnamese writes (đ, ă, â, ê, ô, ơ, ư or a tone). */
export function isMarked(word: string): boolean {
    return /[^\u0000-\u007f]/.test(word);
}

const MARKED: Record<string, string[]> = Object.fromEntries(
    Object.entries(data.markedLetters).filter((e): e is [string, string[]] => Array.isArray(e[1]))
);

/**
 * A valid syllable one typing slip away (two letters swapped; a letter's mark left out, "nguời" for "người"; or,
 * `extra`, one letter too many), if there is one.
 */
export function nearestSyllable(word: string, extra = true): string | undefined {
    if (word.length > MAX_LETTERS + 1) return undefined;
    const w = [...word];
    const candidates: string[] = [];
    for (let i = 0; i + 1 < w.length; i++)
        candidates.push([...w.slice(0, i), w[i + 1], w[i], ...w.slice(i + 2)].join(''));
    for (let i = 0; i < w.length; i++)
        for (const marked of MARKED[w[i]] ?? [])
            candidates.push([...w.slice(0, i), marked, ...w.slice(i + 1)].join(''));
    if (extra) for (let i = 0; i < w.length; i++) candidates.push([...w.slice(0, i), ...w.slice(i + 1)].join(''));
    return candidates.find(c => c.length > 1 && c !== word && readSyllable(c).ok);
}
