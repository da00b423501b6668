/** Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates): a Word file
 * holding one does not open. */
export const XML_INVALID =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A quick first look: no character of these ranges at all (most texts) means nothing to remove. */
export const MAYBE_XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
export const xmlSafe = (s: string) => (MAYBE_XML_INVALID.test(s) ? s.replace(XML_INVALID, '') : s);
