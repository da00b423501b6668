/**
 * Remembers the results of a pure function of a text. After a keystroke every line but one is unchanged,
 * so a rebuild looks most of them up. Two generations of at most `max` entries each bound the memory:
 * when the young one is full it becomes the old one, and what is still used moves back to the young one.
 */
export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
    let young = new Map<string, T>(),
        old = new Map<string, T>();
    return text => {
        let value = young.get(text);
        if (value !== undefined || young.has(text)) return value as T;
        value = old.has(text) ? old.get(text)! : fn(text);
        if (young.size >= max) {
            old = young;
            young = new Map();
        }
        young.set(text, value);
        return value;
    };
}
