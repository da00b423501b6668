import { Buffer, isUtf8, transcode } from 'node:buffer';

/**
 * Tells what a file that is not UTF-8 most likely is. Legacy Vietnamese encodings still common in offices:
 * TCVN3 (ABC, fonts .VnTime), VNI (fonts VNI-Times) and Windows-1258 (tone marks as separate bytes).
 */
export type TextKind = 'utf-8' | 'utf-16le' | 'utf-16be' | 'tcvn3' | 'vni' | 'windows-1258' | 'binary' | 'unknown';

/** Bytes characteristic of each encoding (TCVN 5712:1993 table; VNI; Windows code page 1258). */
const TCVN3 = new Set([
    0xb5, 0xb8, 0xb6, 0xb7, 0xb9, 0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6, 0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb, 0xae, 0xa7,
    0xcc, 0xd0, 0xce, 0xcf, 0xd1, 0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6, 0xd7, 0xdd, 0xd8, 0xdc, 0xde, 0xdf, 0xe3, 0xe1,
    0xe2, 0xe4, 0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9, 0xac, 0xea, 0xed, 0xeb, 0xec, 0xee, 0xef, 0xf3, 0xf1, 0xf2, 0xf4,
    0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe
]);
/** VNI writes a tone or hat as a byte after the vowel: aù, aø, aû, aõ, aï, aâ, aê … and ñ for đ. */
const VNI_MARKS = new Set([
    0xf9, 0xf8, 0xfb, 0xf5, 0xef, 0xe2, 0xea, 0xf4, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xeb, 0xec, 0xe9, 0xe8, 0xf6, 0xf7
]);
/** Windows-1258 combining tone marks: grave, acute, hook, tilde, dot below. */
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);

/** The bytes of control characters that a text does not hold (all below 0x20 but tab, line breaks and escape). */
const CONTROL_BYTES = Array.from({ length: 0x20 }, (_, b) => b).filter(b => b < 0x09 || (b > 0x0d && b !== 0x1b));

/** How many bytes of a file the detection reads. */
const SAMPLE_BYTES = 65536;

export function detectEncoding(bytes: Uint8Array): TextKind {
    if (bytes.length === 0) return 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    // A NUL anywhere is not text.
    if (bytes.indexOf(0) >= 0) return 'binary';
    let control = 0,
        zero = false;
    const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES));
    // Counted only when there is one (a search per control byte is several times faster than a loop over the bytes).
    const counting = CONTROL_BYTES.some(c => sample.indexOf(c) >= 0);
    for (let i = 0; counting && i < sample.length; i++) {
        const b = sample[i];
        if (b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b))) {
            control++;
            if (b === 0) zero = true;
        }
    }
    if (control > 0 && (zero || control / sample.length > 0.02)) return 'binary';
    if (isUtf8(sample.length === bytes.length ? bytes : trimPartial(sample))) return 'utf-8';
    let tcvn = 0,
        vni = 0,
        cp1258 = 0;
    for (let i = 0; i < sample.length; i++) {
        const b = sample[i],
            prev = i > 0 ? sample[i - 1] : 0;
        if (b < 0x80) continue;
        const afterVowel = /[aeiouyAEIOUY]/.test(String.fromCharCode(prev));
        if (
            CP1258_TONES.has(b) &&
            (afterVowel || [0xe2, 0xea, 0xf4, 0xe3, 0xf5, 0xfd, 0xc2, 0xca, 0xd4].includes(prev))
        )
            cp1258 += 2;
        if (VNI_MARKS.has(b) && afterVowel) vni += 2;
        if (b === 0xf1 || b === 0xd1) vni++;
        if (TCVN3.has(b)) tcvn++;
    }
    const best = Math.max(tcvn, vni, cp1258);
    if (best === 0) return 'unknown';
    return best === cp1258 ? 'windows-1258' : best === vni ? 'vni' : 'tcvn3';
}

/** A sample cut inside a multi-byte UTF-8 character is still UTF-8. */
function trimPartial(b: Uint8Array): Uint8Array {
    let end = b.length;
    for (let k = 1; k <= 3 && end - k >= 0; k++) {
        const c = b[end - k];
        if ((c & 0xc0) === 0xc0) {
            end -= k;
            break;
        }
        if ((c & 0x80) === 0) break;
    }
    return b.subarray(0, end);
}

export const ENCODING_NAMES: Record<Exclude<TextKind, 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary'>, string> = {
    tcvn3: 'TCVN3 (ABC, phông .VnTime)',
    vni: 'VNI (phông VNI-Times)',
    'windows-1258': 'Windows-1258',
    unknown: 'một bảng mã cũ'
};

/**
 * UTF-8 bytes as text. V8 makes a string from UTF-8 at ~100 MB/s when it holds Vietnamese letters (0.15 ms for a
 * 15 KB plan); transcoded to UTF-16 first, the string is copied, six times faster. Bytes that are not all valid UTF-8
 * are decoded as TextDecoder does (each bad sequence becomes U+FFFD).
 */
function utf8Text(bytes: Uint8Array): string {
    // detectEncoding has checked a file up to its sample's size whole.
    if (typeof transcode === 'function' && (bytes.length <= SAMPLE_BYTES || isUtf8(bytes))) {
        try {
            const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            return transcode(view, 'utf8', 'utf16le').toString('utf16le');
        } catch {
            // A Node built without ICU has no transcoder.
        }
    }
    return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The text of a .thidua file's bytes, for every reader (CLI, language server): UTF-8 with or without its BOM, UTF-16
 * with a BOM; otherwise the kind that is not text (binary, a legacy encoding) for the reader's message.
 */
export function decodeText(
    bytes: Uint8Array
): { text: string } | { kind: Exclude<TextKind, 'utf-8' | 'utf-16le' | 'utf-16be'> } {
    const kind = detectEncoding(bytes);
    if (kind === 'utf-8' || kind === 'utf-16le' || kind === 'utf-16be') {
        const text = kind === 'utf-8' ? utf8Text(bytes) : new TextDecoder(kind).decode(bytes);
        return { text: text.replace(/^\uFEFF/, '') };
    }
    return { kind };
}
