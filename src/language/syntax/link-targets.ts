// What a raw text offers to, and asks of, other documents: read before any parse to order and skip work.
import { ownCopy } from '../../domain/memo.js';

/**
 * Whether another document may link to something in this text: every registry ("SỔ VĂN BẢN …", cited by số và
 * ký hiệu), and a document with an id "{#x …}" that some text refers to as "@x" (`referred`: every "@x" of the folder).
 */
export function mayBeLinkTarget(text: string, referred: Set<string>): boolean {
    return offersTo(linkFacts(text), referred);
}

/** What a text offers (a registry; ids "#x") and asks (ids "@x"): kept instead of the text until all are read. */
export interface LinkFacts {
    registry: boolean;
    offered: string[];
    referred: string[];
}

const REGISTRY = 'SỔ VĂN BẢN';
const ID_CHARS = 'A-Za-z0-9_\\-À-ỹĐđ';
const ID = new RegExp(`^[${ID_CHARS}]+`);

export function linkFacts(text: string): LinkFacts {
    const ids = (mark: string) =>
        new Set(Array.from(text.matchAll(new RegExp(`${mark}([${ID_CHARS}]+)`, 'g')), m => ownCopy(m[1])));
    return { registry: text.includes(REGISTRY), offered: [...ids('#')], referred: [...ids('@')] };
}

const REGISTRY_BYTES = new TextEncoder().encode(REGISTRY);
const utf8 = new TextDecoder();

/** A byte of an id in UTF-8: a letter, digit, "_" or "-" of ASCII, or any byte of a longer character. */
const idByte = (b: number) =>
    b >= 0x80 ||
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x5f ||
    b === 0x2d;

/**
 * `linkFacts` of a UTF-8 text read from its bytes, without decoding the whole text (start-up reads every file of the
 * folder for this): each id's bytes run to the first ASCII byte that no id has, and are decoded alone.
 */
export function linkFactsOfUtf8(bytes: Uint8Array): LinkFacts {
    const ids = (mark: number) => {
        const found = new Set<string>();
        for (let i = bytes.indexOf(mark); i >= 0; i = bytes.indexOf(mark, i + 1)) {
            let end = i + 1;
            while (end < bytes.length && idByte(bytes[end])) end++;
            const id = ID.exec(utf8.decode(bytes.subarray(i + 1, end)))?.[0];
            if (id) found.add(id);
        }
        return [...found];
    };
    return { registry: hasBytes(bytes, REGISTRY_BYTES), offered: ids(0x23), referred: ids(0x40) };
}

function hasBytes(bytes: Uint8Array, part: Uint8Array): boolean {
    for (let i = bytes.indexOf(part[0]); i >= 0 && i + part.length <= bytes.length; i = bytes.indexOf(part[0], i + 1)) {
        let j = 1;
        while (j < part.length && bytes[i + j] === part[j]) j++;
        if (j === part.length) return true;
    }
    return false;
}

/** `mayBeLinkTarget` of the text these facts were read from. */
export function offersTo(facts: LinkFacts, referred: Set<string>): boolean {
    return facts.registry || facts.offered.some(id => referred.has(id));
}

/**
 * Every id a text refers to ("@x" → "x", letters as the lexer's VALUE_REF reads them): a superset of its value
 * references' names.
 */
export function referredIds(texts: string[]): Set<string> {
    return new Set(texts.flatMap(text => linkFacts(text).referred));
}
