import { readSyllable } from '../domain/syllable.js';
/**
 * TCVN3 (ABC, TCVN 5712:1993 "VN3") to Unicode. The encoding has codes for the lowercase letters with marks and
 * for Ă Â Ê Ô Ơ Ư Đ; capitals with tone marks were drawn with the same codes in the ".VnTimeH" fonts, so they come
 * back lowercase — every letter is kept.
 */
const TCVN3: Record<number, string> = {
    0xb5: 'à',
    0xb8: 'á',
    0xb6: 'ả',
    0xb7: 'ã',
    0xb9: 'ạ',
    0xa8: 'ă',
    0xbb: 'ằ',
    0xbe: 'ắ',
    0xbc: 'ẳ',
    0xbd: 'ẵ',
    0xc6: 'ặ',
    0xa9: 'â',
    0xc7: 'ầ',
    0xca: 'ấ',
    0xc8: 'ẩ',
    0xc9: 'ẫ',
    0xcb: 'ậ',
    0xae: 'đ',
    0xcc: 'è',
    0xd0: 'é',
    0xce: 'ẻ',
    0xcf: 'ẽ',
    0xd1: 'ẹ',
    0xaa: 'ê',
    0xd2: 'ề',
    0xd5: 'ế',
    0xd3: 'ể',
    0xd4: 'ễ',
    0xd6: 'ệ',
    0xd7: 'ì',
    0xdd: 'í',
    0xd8: 'ỉ',
    0xdc: 'ĩ',
    0xde: 'ị',
    0xdf: 'ò',
    0xe3: 'ó',
    0xe1: 'ỏ',
    0xe2: 'õ',
    0xe4: 'ọ',
    0xab: 'ô',
    0xe5: 'ồ',
    0xe8: 'ố',
    0xe6: 'ổ',
    0xe7: 'ỗ',
    0xe9: 'ộ',
    0xac: 'ơ',
    0xea: 'ờ',
    0xed: 'ớ',
    0xeb: 'ở',
    0xec: 'ỡ',
    0xee: 'ợ',
    0xef: 'ù',
    0xf3: 'ú',
    0xf1: 'ủ',
    0xf2: 'ũ',
    0xf4: 'ụ',
    0xad: 'ư',
    0xf5: 'ừ',
    0xf8: 'ứ',
    0xf6: 'ử',
    0xf7: 'ữ',
    0xf9: 'ự',
    0xfa: 'ỳ',
    0xfd: 'ý',
    0xfb: 'ỷ',
    0xfc: 'ỹ',
    0xfe: 'ỵ',
    0xa1: 'Ă',
    0xa2: 'Â',
    0xa3: 'Ê',
    0xa4: 'Ô',
    0xa5: 'Ơ',
    0xa6: 'Ư',
    0xa7: 'Đ'
};

export function decodeTcvn3(bytes: Uint8Array): string {
    let out = '';
    for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (TCVN3[b] ?? String.fromCharCode(b));
    return out.normalize('NFC');
}

/** VNI (VNI-Windows): a base letter followed by a mark byte. */
const VNI_MARKS: Record<number, string> = {
    0xf9: '\u0301',
    0xf8: '\u0300',
    0xfb: '\u0309',
    0xf5: '\u0303',
    0xef: '\u0323',
    0xe2: '\u0302',
    0xea: '\u0302',
    0xf4: '\u0302',
    0xe1: '\u0302\u0301',
    0xe0: '\u0302\u0300',
    0xe5: '\u0302\u0309',
    0xe3: '\u0302\u0303',
    0xe4: '\u0302\u0323',
    0xe9: '\u0306\u0301',
    0xe8: '\u0306\u0300',
    0xfa: '\u0306\u0309',
    0xfc: '\u0306\u0303',
    0xeb: '\u0306\u0323',
    0xec: '\u0306'
};

export function decodeVni(bytes: Uint8Array): string {
    let out = '';
    for (const b of bytes) {
        if (b === 0xf1) out += 'đ';
        else if (b === 0xd1) out += 'Đ';
        else if (b === 0xf6) out += '\u031b';
        else if (b === 0xf7) out += '\u031b';
        else if (b >= 0x80 && VNI_MARKS[b]) out += VNI_MARKS[b];
        else out += String.fromCharCode(b);
    }
    return out.normalize('NFC');
}

export type Legacy = 'tcvn3' | 'vni' | 'windows-1258';

const DECODERS: Record<Legacy, (bytes: Uint8Array) => string> = {
    tcvn3: decodeTcvn3,
    vni: decodeVni,
    'windows-1258': bytes => new TextDecoder('windows-1258').decode(bytes).normalize('NFC')
};

/**
 * Reads bytes that are not UTF-8 as each legacy Vietnamese encoding and keeps the reading whose marked words are
 * Vietnamese syllables (onset + rhyme + tone): the share of such words decides, and a close or poor result is no
 * guess (undefined) — a wrong guess would garble the text without a word of warning.
 */
export function decodeLegacy(bytes: Uint8Array): { kind: Legacy; text: string; score: number } | undefined {
    const readings = (Object.keys(DECODERS) as Legacy[])
        .map(kind => {
            const text = DECODERS[kind](bytes.subarray(0, 200_000));
            const marked = [...text.matchAll(/\p{L}+/gu)].map(m => m[0]).filter(w => /[^\u0000-\u007f]/.test(w));
            const good = marked.filter(w => readSyllable(w.toLowerCase()).ok).length;
            return { kind, score: marked.length ? good / marked.length : 0, marked: marked.length };
        })
        .sort((a, b) => b.score - a.score);
    const [best, second] = readings;
    if (best.marked < 3 || best.score < 0.8 || best.score - second.score < 0.15) return undefined;
    return { kind: best.kind, text: DECODERS[best.kind](bytes), score: best.score };
}
