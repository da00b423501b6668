/**
 * Remembers the results of a pure function of a text. After a keystroke every line but one is unchanged,
 * so a rebuild looks most of them up. Two generations of at most `max` entries each bound the memory:
 * when the young one is full it becomes the old one, and what is still used moves back to the young one.
 */
export function memoByText<T>(fn: (text: string) => T, max = 20_000): ((text: string) => T) & { clear(): void } {
    let young = new Map<string, T>(),
        old = new Map<string, T>();
    const clear = () => {
        young = new Map();
        old = new Map();
    };
    const lookup = (text: string): T => {
        let value = young.get(text);
        if (value !== undefined || young.has(text)) return value as T;
        value = old.has(text) ? old.get(text)! : fn(text);
        if (young.size >= max) {
            old = young;
            young = new Map();
        }
        young.set(ownCopy(text), value);
        return value;
    };
    return Object.assign(lookup, { clear });
}

/**
 * A copy of a text that does not keep the text it was cut from: V8 makes a substring a view of its parent, so one
 * name kept from a file (an index entry, a digest, a cache key) kept the whole file's text in memory.
 */
export function ownCopy(text: string): string {
    return (' ' + text).slice(1);
}

/** How many texts, and characters, `shared` remembers in each of its two generations (at most ~8 MB in all). */
const SHARED_MAX = 50_000;
const SHARED_MAX_CHARS = 2_000_000;
let sharing = true;
let sharedYoung = new Map<string, string>(),
    sharedOld = new Map<string, string>(),
    youngChars = 0;

/**
 * One `ownCopy` of each text for all who keep it: a folder's documents keep the same short texts thousands of times
 * ("Chỉ thị số ", "34-CT/TW", a name's place in its tree), each copy one more object for every collection to mark.
 * Bounded in texts and in characters, as `memoByText` is in entries.
 */
export function shared(text: string): string {
    if (!sharing) return text;
    let kept = sharedYoung.get(text);
    if (kept !== undefined) return kept;
    kept = sharedOld.get(text) ?? ownCopy(text);
    if (sharedYoung.size >= SHARED_MAX || youngChars + kept.length > SHARED_MAX_CHARS) {
        sharedOld = sharedYoung;
        sharedYoung = new Map();
        youngChars = 0;
    }
    sharedYoung.set(kept, kept);
    youngChars += kept.length;
    return kept;
}

/**
 * Whether `shared` keeps texts (on by default). Off in a thread whose texts are copied into another's and dropped
 * (a thread building files at start-up): there, looking each up cost ~3 % of its time and saved nothing.
 */
export function sharingTexts(on: boolean): void {
    sharing = on;
    forgetShared();
}

/** Forgets the texts `shared` remembers (those still kept by someone stay, as copies of their own). */
export function forgetShared(): void {
    sharedYoung = new Map();
    sharedOld = new Map();
    youngChars = 0;
}

/** `shared` of an optional text. */
export function sharedOf(text: string | undefined): string | undefined {
    return text === undefined ? undefined : shared(text);
}

/** Puts `shared` texts in place of the texts of a value read from a file or another thread (arrays, plain objects). */
export function shareTexts<T>(value: T): T {
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = shareTexts(value[i]);
        return value;
    }
    if (typeof value === 'string') return shared(value) as T;
    if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) record[key] = shareTexts(record[key]);
    }
    return value;
}

/**
 * A value kept on an object, as a WeakMap keeps it, but dying with the object at once: V8's minor collections hold a
 * WeakMap's values alive until a full collection, so a tree kept with its own nodes as a value (a cached list, a
 * model) outlived every minor collection after its document was done and was copied to the old generation.
 */
export class Attached<K extends object, V> {
    private readonly key = Symbol();

    get(owner: K): V | undefined {
        return (owner as Record<symbol, V | undefined>)[this.key];
    }

    set(owner: K, value: V): void {
        (owner as Record<symbol, V | undefined>)[this.key] = value;
    }

    delete(owner: K): void {
        if (this.key in owner) (owner as Record<symbol, V | undefined>)[this.key] = undefined;
    }
}
