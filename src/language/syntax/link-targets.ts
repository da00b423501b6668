// What a raw text offers to, and asks of, other documents: read before any parse to order and skip work.

/**
 * Whether another document may link to something in this text: every registry ("SỔ VĂN BẢN …", cited by số và
 * ký hiệu), and a document with an id "{#x …}" that some text refers to as "@x" (`referred`: every "@x" of the folder).
 */
export function mayBeLinkTarget(text: string, referred: Set<string>): boolean {
    if (text.includes('SỔ VĂN BẢN')) return true;
    for (const m of text.matchAll(/#([A-Za-z0-9_\-À-ỹĐđ]+)/g)) if (referred.has(m[1])) return true;
    return false;
}

/**
 * Every id a text refers to ("@x" → "x", letters as the lexer's VALUE_REF reads them): a superset of its value
 * references' names.
 */
export function referredIds(texts: string[]): Set<string> {
    const referred = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(/@([A-Za-z0-9_\-À-ỹĐđ]+)/g)) referred.add(m[1]);
    return referred;
}
