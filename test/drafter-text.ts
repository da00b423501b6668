import rulesData from '../src/domain/data/rules.json' with { type: 'json' };

/** Rule codes and Langium's own diagnostic codes: data, never text a drafter reads. */
const CODES = [...Object.keys(rulesData.rules), 'linking-error', 'parsing-error', 'lexing-error', 'loi-kiem-tra'];

/** English words a drafter should not meet (none is also a Vietnamese syllable). */
const ENGLISH = [
    'the',
    'and',
    'of',
    'for',
    'with',
    'not',
    'could',
    'during',
    'occurred',
    'error',
    'warning',
    'info',
    'hint',
    'file',
    'rule',
    'value',
    'indicator',
    'section',
    'table',
    'annex',
    'signature',
    'recipients',
    'document',
    'namespace',
    'class',
    'struct',
    'constructor',
    'module',
    'object',
    'string',
    'number',
    'array',
    'undefined',
    'null',
    'NaN',
    'true',
    'false',
    'json',
    'token',
    'expecting',
    'unknown',
    'missing',
    'invalid',
    'reference',
    'resolve',
    'linking',
    'parsing',
    'lexing',
    'validation',
    'source',
    'code'
];
const ENGLISH_RE = new RegExp(`(?<![\\p{L}\\p{N}_.#@-])(?:${ENGLISH.join('|')})(?![\\p{L}\\p{N}_-])`, 'iu');

/**
 * What is wrong with a text shown to a drafter (message, hover, fix title, inlay hint, outline label): a path or
 * source file name, a rule code, the tool's code name or an English word. Empty when nothing is.
 */
export function drafterProblems(text: string): string[] {
    const out: string[] = [];
    const path = /(?:^|[\s("'])(?:src|node_modules|dist|test)\/|[\w-]+\.(?:json|ts|js|cjs|mjs|langium)\b/u.exec(text);
    if (path) out.push(`path "${path[0].trim()}"`);
    const code = CODES.find(c => new RegExp(`(?<![\\p{L}\\p{N}#@_-])${c}(?![\\p{L}\\p{N}_-])`, 'u').test(text));
    if (code) out.push(`rule code "${code}"`);
    // The tool's code name; a drafter's own file (so-van-ban.thidua) may be named.
    if (/(?<![\p{L}\p{N}.-])thidua(?![\p{L}\p{N}])/u.test(text)) out.push('code name "thidua"');
    const english = ENGLISH_RE.exec(text);
    if (english) out.push(`English "${english[0]}"`);
    return out.map(p => `${p} in: ${text.slice(0, 160)}`);
}
