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

/** `ownCopy` of an optional text. */
export function ownCopyOf(text: string | undefined): string | undefined {
    return text === undefined ? undefined : ownCopy(text);
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
