import type { CustomPatternMatcherFunc, IMultiModeLexerDefinition, TokenType, TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, type Grammar, type TokenBuilderOptions } from 'langium';
import { DOC_NUMBER_SOURCE } from '../../domain/doc-number.js';
import { documentKinds } from '../../domain/tables.js';
import { matched } from '../internals/langium-internals.js';

/** Offset of the first non-blank character of the line holding `offset`, or -1 if text precedes. */
function isLineStart(text: string, offset: number): boolean {
    let i = offset - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/** True where only a bullet (and blanks) precede `offset` on its line. */
function isAfterBullet(text: string, offset: number): boolean {
    let i = offset - 1;
    if (i < 0 || (text[i] !== ' ' && text[i] !== '\t')) return false;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i < 0 || !BULLET_CHARS.includes(text[i])) return false;
    return isLineStart(text, i);
}

const BULLET_CHARS = '-+•–';

const DIGITS = [...'0123456789'];

const anyButMade = new Map<string, number[]>();

/**
 * Every UTF-16 code unit but `excluded`: the start characters of a token that may begin with almost anything. Given
 * to the lexer so that it can pick candidates by the character at a position (it needs them for every token). Made
 * once per set of characters: Chevrotain keeps every token type it has seen, and with it these 65,000-code lists, for
 * the life of the process (each set of services kept its own, ~3 MB).
 */
function anyBut(excluded: string): number[] {
    if (/[^\x00-\x7f]/.test(excluded)) throw new Error('anyBut: ASCII only');
    const made = anyButMade.get(excluded);
    if (made) return made;
    const codes: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (c > 0x7f || !excluded.includes(String.fromCharCode(c))) codes.push(c);
    anyButMade.set(excluded, codes);
    return codes;
}

function sticky(source: string): RegExp {
    return new RegExp(source, 'y');
}

type Position = 'lineStart' | 'lineStartOrAfterBullet';

function lineMatcher(
    source: string,
    where: Position = 'lineStart',
    check?: (m: string) => boolean
): CustomPatternMatcherFunc {
    const re = sticky(source);
    return (text, offset) => {
        // A line that starts with "\\" is prose, whatever follows.
        if (text.charCodeAt(offset) === 92) return null;
        const ok =
            where === 'lineStart'
                ? isLineStart(text, offset)
                : isLineStart(text, offset) || isAfterBullet(text, offset);
        if (!ok) return null;
        re.lastIndex = offset;
        const m = re.exec(text);
        if (!m || (check && !check(m[0]))) return null;
        return m;
    };
}

const EOL = '(?=[ \\t]*(?:\\r?\\n|$))';
const UPPER = 'A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ';

const ANY_UPPER = /[A-ZĐÀ-Ỹ]/;
const UPPER_LETTERS = new RegExp(`[${UPPER}]`, 'g');

function isUpperLine(s: string): boolean {
    return ANY_UPPER.test(s) && s === s.toUpperCase() && (s.match(UPPER_LETTERS)?.length ?? 0) >= 2;
}

/** A line in capitals has no lower-case letter: most prose lines are told apart at their second character. */
function capsLine(matcher: CustomPatternMatcherFunc): CustomPatternMatcherFunc {
    return (text, offset, ...rest) => {
        // Only at a line's start: scanning the rest of the line from every offset is quadratic in a long line.
        if (text.charCodeAt(offset) === 124 || !isLineStart(text, offset)) return null;
        for (let i = offset; i < text.length; i++) {
            const c = text[i];
            if (c === '\n' || c === '\r') break;
            if (c !== c.toUpperCase()) return null;
        }
        return matcher(text, offset, ...rest);
    };
}

/** The line last asked about by `inTableRow`; forgotten at the start of each tokenize call (`forgetRowLine`). */
const rowLine = { start: -1, end: -1, row: false };

export function forgetRowLine(): void {
    rowLine.start = rowLine.end = -1;
}

/** Whether the line holding `offset` is a table row: its first non-blank character is "|". */
function inTableRow(text: string, offset: number): boolean {
    if (offset >= rowLine.start && offset <= rowLine.end) return rowLine.row;
    let start = offset;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    let first = start;
    while (text[first] === ' ' || text[first] === '\t') first++;
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    rowLine.start = start;
    rowLine.end = end;
    rowLine.row = text[first] === '|';
    return rowLine.row;
}

const pipeMatcher: CustomPatternMatcherFunc = (text, offset) =>
    text.charCodeAt(offset) === 124 && inTableRow(text, offset) ? matched('|') : null;

// Runs of plain characters with escapes in between (the unrolled form of (?:[^…]|\\.)+, without a choice per
// character).
const TEXT_RUN = /(?:[^[\]{}\\\n\r]+|\\[^\n\r])(?:[^[\]{}\\\n\r]+|\\[^\n\r])*/y;

/** Prose up to a bracket or the line's end; in a table row, up to the next "|" that is not escaped. */
const textMatcher: CustomPatternMatcherFunc = (text, offset) => {
    TEXT_RUN.lastIndex = offset;
    // Tested, not executed: the run's end is all it needs (an exec result is an array with three more properties).
    if (!TEXT_RUN.test(text)) return null;
    const s = text.slice(offset, TEXT_RUN.lastIndex);
    if (!s.includes('|') || !inTableRow(text, offset)) return matched(s);
    for (let i = 0; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '|') return i > 0 ? matched(s.slice(0, i)) : null;
    }
    return matched(s);
};

/** A line break inside a header line wrapped in a copy: blanks, at most one line break, no empty line. */
function oneWrap(m: string): boolean {
    const breaks = m.match(/\n/g)?.length ?? 0;
    return breaks <= 1 && !/\n[ \t]*\r?$/.test(m);
}

const ATTACHED_LINE = /^[ \t]*[*_]{0,3}\(?[*_]{0,3}[ \t]*(?:Ban hành[ \t]+)?[Kk]èm theo[ \t]/;

const ANNEX_HEADING = /^[ \t]*(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u;

/** A line in capitals followed, within four lines, by its "(Kèm theo …)" line (not by a Phụ lục's). */
function beforeAttachedLine(text: string, end: number): boolean {
    let at = end;
    for (let n = 0; n < 4 && at < text.length; n++) {
        const next = text.indexOf('\n', at + 1);
        const line = text.slice(at + 1, next < 0 ? text.length : next);
        if (ATTACHED_LINE.test(line)) return true;
        if (ANNEX_HEADING.test(line)) return false;
        if (next < 0) return false;
        at = next;
    }
    return false;
}

const docNumber = sticky(DOC_NUMBER_SOURCE);

/** A number starts with a digit or "/" (DOC_NUMBER_SOURCE). */
function startsDocNumber(code: number): boolean {
    return (code >= 48 && code <= 57) || code === 47;
}

const BEFORE_NUMBER = /[\s(“"'[]/;

function matchesDocNumberAt(text: string, i: number): boolean {
    if (!startsDocNumber(text.charCodeAt(i))) return false;
    const prev = i > 0 ? text[i - 1] : ' ';
    if (!BEFORE_NUMBER.test(prev)) return false;
    docNumber.lastIndex = i;
    const m = docNumber.exec(text);
    if (!m) return false;
    const next = text[i + m[0].length];
    return next === undefined || !/[0-9A-Za-zÀ-ỹĐđ]/.test(next);
}

const citeText: CustomPatternMatcherFunc = (text, offset) => {
    let i = offset;
    while (i < text.length) {
        const c = text[i];
        if (c === ']' || c === '\n' || c === '\r') break;
        if (c === '\\' && i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') {
            i += 2;
            continue;
        }
        if (i > offset && matchesDocNumberAt(text, i)) break;
        i++;
    }
    return i > offset ? matched(text.slice(offset, i)) : null;
};

const docNumberToken: CustomPatternMatcherFunc = (text, offset) => {
    if (!matchesDocNumberAt(text, offset)) return null;
    docNumber.lastIndex = offset;
    return docNumber.exec(text);
};

const BLANKS = /[ \t]+/y;

const wsMatcher: CustomPatternMatcherFunc = (text, offset) => {
    BLANKS.lastIndex = offset;
    const m = BLANKS.exec(text);
    if (!m) return null;
    const end = offset + m[0].length;
    const trailing = end >= text.length || text[end] === '\n' || text[end] === '\r';
    return isLineStart(text, offset) || trailing ? m : null;
};

/** Where the annexes of a text begin: its first "PHỤ LỤC" or "(… kèm theo …)" line after the Nơi nhận. */
let annexesOf: { text: string; recipients: number; start: number } = {
    text: '',
    recipients: Infinity,
    start: Infinity
};
const RECIPIENTS = /(?:^|\n)[ \t]*Nơi nhận/u;
const ALONE = /^(?:[ \t]*(?:\/\/[^\n]*)?\r?\n)*[ \t]*(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u;
const ANNEX_START =
    /\n[ \t]*(?:(?:PHỤ LỤC|Phụ lục)(?![\p{L}])|[*_]{0,3}\(?[*_]{0,3}[ \t]*(?:Ban hành[ \t]+)?[Kk]èm theo[ \t])/gu;

function annexesOfText(text: string): { recipients: number; start: number } {
    if (annexesOf.text === text) return annexesOf;
    let start = Infinity;
    // A Phụ lục alone in its file is an annex from its first line.
    const alone = ALONE.exec(text);
    const recipients = alone ? null : RECIPIENTS.exec(text);
    if (alone) start = alone[0].length;
    else if (recipients) {
        ANNEX_START.lastIndex = recipients.index + recipients[0].length;
        const m = ANNEX_START.exec(text);
        if (m) start = m.index + m[0].length;
    }
    annexesOf = { text, recipients: recipients ? recipients.index : Infinity, start };
    return annexesOf;
}

const annexesStart = (text: string) => annexesOfText(text).start;

/** A title followed by its "(Ban hành kèm theo …)" line, after the document's Nơi nhận. */
function isAttachedAfterRecipients(text: string, start: number, end: number): boolean {
    return annexesOfText(text).recipients < start && beforeAttachedLine(text, end);
}

/** Forgets the text whose annexes were found (a lexer's run starts and ends with it: the text is not kept). */
export function forgetAnnexes(): void {
    annexesOf = { text: '', recipients: Infinity, start: Infinity };
}

const HEADER_MARK = /^[ \t]*(?:[-_=*.…–—~]+[ \t]*$|CỘNG[ \t]+H(?:ÒA|OÀ)[ \t]+XÃ|ĐẢNG CỘNG SẢN|Độc lập)/u;

/**
 * A line in capitals between the Nơi nhận and the annexes, in a block of header lines that holds a rule line, a
 * Quốc hiệu or a Tiêu ngữ: the agency above a text issued with the document, not a signer's title.
 */
function isAnnexAgency(text: string, start: number, end: number): boolean {
    const { recipients, start: annexes } = annexesOfText(text);
    if (start < recipients || start > annexes) return false;
    let at = end;
    for (let n = 0; n < 8 && at < text.length; n++) {
        const next = text.indexOf('\n', at + 1);
        const line = text.slice(at + 1, next < 0 ? text.length : next).replace(/\r$/, '');
        if (HEADER_MARK.test(line)) return true;
        if (!line.trim() || !isUpperLine(line.trim())) return false;
        if (next < 0) return false;
        at = next;
    }
    return false;
}

/**
 * A line of the document's own parts (its header, Nơi nhận, signature) that stands inside an annex is the annex's
 * text: a form (mẫu) there has its own "CỘNG HÒA …", "Số: …", "Nơi nhận:" and signature lines.
 */
function outsideAnnexes(matcher: CustomPatternMatcherFunc): CustomPatternMatcherFunc {
    return (text, offset, ...rest) => (offset > annexesStart(text) ? null : matcher(text, offset, ...rest));
}

const DOCUMENT_PARTS = new Set([
    'KIND_LINE',
    'QUOC_HIEU',
    'TIEU_NGU',
    'NUMBER_LINE',
    'PLACE_DATE_LINE',
    'NOI_NHAN',
    'SIGN_AUTHORITY',
    'SIGNED_NOTE',
    'ANNEX_AGENCY',
    'ABOUT_LINE'
]);

/**
 * Builds a three-mode lexer: `main` (lines of the document), `cite` (inside [ … ]) and `value`
 * (inside { … }). Line-start markers only match at the start of a line, so prose stays one token.
 */
export class ThiduaTokenBuilder extends DefaultTokenBuilder {
    // Keywords get no longer alternatives here (the modes below decide), so Langium's search for them is skipped.
    protected override findLongerAlt(): TokenType[] {
        return [];
    }

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const built = super.buildTokens(grammar, options) as TokenType[];
        for (const t of built) delete t.LONGER_ALT;
        const byName = new Map(built.map(t => [t.name, t]));
        const tok = (name: string): TokenType => {
            const t = byName.get(name);
            if (!t) throw new Error(`unknown token ${name}`);
            return t;
        };
        const custom = (
            name: string,
            exec: CustomPatternMatcherFunc,
            hint?: (string | number)[],
            lineBreaks = false
        ) => {
            const t = tok(name);
            t.PATTERN = DOCUMENT_PARTS.has(name) ? outsideAnnexes(exec) : exec;
            // Read by the lexer from the token type (createToken puts it there), not from the pattern.
            t.START_CHARS_HINT = hint;
            t.LINE_BREAKS = lineBreaks;
            t.LONGER_ALT = undefined;
            return t;
        };
        const kinds = documentKinds
            .filter(k => k.campaign)
            .map(k => k.title)
            .join('|');

        custom('COMMENT', lineMatcher('//[^\\n\\r]*(?:\\r?\\n[ \\t]*)*'), ['/'], true);
        custom('WS', wsMatcher, [' ', '\t']);
        custom('REGISTRY_TITLE', lineMatcher(`SỔ VĂN BẢN[^\\n\\r]*`), ['S']);
        const kindLine = lineMatcher(`(?:${kinds})${EOL}`);
        custom(
            'KIND_LINE',
            // "KẾ HOẠCH … (Ban hành kèm theo Quyết định …)" after the Nơi nhận is a text issued with the document.
            (text, offset, ...rest) => {
                const m = kindLine(text, offset, ...rest);
                return m && isAttachedAfterRecipients(text, offset, offset + m[0].length) ? null : m;
            },
            [...new Set(documentKinds.filter(k => k.campaign).map(k => k.title[0]))]
        );
        // Quốc hiệu, Tiêu ngữ and the place-date line may be wrapped over two lines in a copy.
        const SEP = '(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)';
        const words = (...w: string[]) => w.join(SEP);
        custom(
            'QUOC_HIEU',
            lineMatcher(
                `(?:${words('CỘNG', 'H(?:ÒA|OÀ)', 'XÃ', 'HỘI', 'CHỦ', 'NGHĨA', 'VIỆT', 'NAM')}|ĐẢNG CỘNG SẢN VIỆT NAM)${EOL}`,
                'lineStart',
                oneWrap
            ),
            ['C', 'Đ'],
            true
        );
        custom(
            'TIEU_NGU',
            lineMatcher(`Độc lập\\s*[-–]\\s*Tự do\\s*[-–]\\s*Hạnh phúc${EOL}`, 'lineStart', oneWrap),
            ['Đ'],
            true
        );
        custom(
            'NUMBER_LINE',
            lineMatcher(`Số[ \\t]*:?[ \\t]*[0-9]*[ \\t]*[/-][ \\t]*(?:[0-9]{4}[ \\t]*/[ \\t]*)?[A-ZĐ][^\\n\\r]*`),
            ['S']
        );
        custom(
            'PLACE_DATE_LINE',
            lineMatcher(
                // A form's blank place is written with dots: "…………, ngày …… tháng …… năm 20…".
                `(?:[^\\n\\r,\\[\\]{}]{1,60}, |[.…_][.…_ \\t]{2,59})ngày[\\s.…_]+(?:[0-9….\\s_]*tháng[0-9….\\s_]*năm[ \\t]*[0-9.…_]{0,8}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})${EOL}`,
                'lineStart',
                oneWrap
            ),
            anyBut('\n\r,[]{}'),
            true
        );
        custom(
            'ANNEX_LINE',
            lineMatcher(
                `(?:PHỤ LỤC|Phụ lục)(?:[ \\t]+(?:SỐ|Số|số))?(?:[ \\t]+[0-9IVXLC]{1,5}[a-zA-Z]?)?[ \\t]*(?:[.:–-][ \\t]*[^\\n\\r]*)?${EOL}`
            ),
            ['P']
        );
        custom('RULE_LINE', lineMatcher(`[-_=*.…–—~](?:[-_=*.…–—~ \\t]*[-_=*.…–—~])?${EOL}`), [
            '-',
            '_',
            '=',
            '*',
            '.',
            '…',
            '–',
            '—',
            '~'
        ]);
        custom('NOI_NHAN', lineMatcher(`Nơi nhận:?${EOL}`), ['N']);
        custom('ABOUT_LINE', lineMatcher(`V/v[ \\t.:][^\\n\\r]*`), ['V']);
        custom('SIGNED_NOTE', lineMatcher(`\\([ \\t]*[Đđ]ã[ \\t]+ký[^\\n\\r()]*\\)${EOL}`), ['(']);
        custom(
            'SIGN_AUTHORITY',
            lineMatcher(`(?:TM|KT|Q|TL|TUQ)\\.[ \\t]+[^\\n\\r]*`, 'lineStart', m => isUpperLine(m)),
            ['T', 'K', 'Q']
        );
        // A marker may carry the emphasis that runs over its line ("**a) Đối với …**").
        const EM = '\\*{0,3}';
        custom('ROMAN', lineMatcher(`${EM}[IVXLC]{1,6}\\.(?=[ \\t]|\\r?\\n|$)`), ['I', 'V', 'X', 'L', 'C', '*']);
        custom('NUM2', lineMatcher(`${EM}[0-9]{1,3}(?:\\.[0-9]{1,2})+\\.?(?=[ \\t])`), ['*', ...DIGITS]);
        custom('NUM1', lineMatcher(`${EM}[0-9]{1,3}\\.(?=[ \\t])`), ['*', ...DIGITS]);
        custom('PAREN_MARK', lineMatcher(`${EM}\\(?[0-9]{1,3}\\)(?=[ \\t])`, 'lineStartOrAfterBullet'), [
            '*',
            '(',
            ...DIGITS
        ]);
        custom('LETTER_MARK', lineMatcher(`${EM}(?:\\([a-zđ]\\)|[a-zđ][).])(?=[ \\t])`, 'lineStartOrAfterBullet'), [
            '*',
            '(',
            ...'abcdefghijklmnopqrstuvwxyzđ'
        ]);
        custom('BULLET', lineMatcher(`[-+•–][ \\t]+`), [...BULLET_CHARS]);
        const caps = capsLine(lineMatcher(`[^\\n\\r\\[\\]{}]+?${EOL}`, 'lineStart', m => isUpperLine(m)));
        const line = anyBut('\n\r[]{}|');
        custom('CAPS_LINE', caps, line);
        custom(
            'ANNEX_AGENCY',
            (text, offset, ...rest) => {
                const m = caps(text, offset, ...rest);
                return m && isAnnexAgency(text, offset, offset + m[0].length) ? m : null;
            },
            line
        );
        custom(
            'ATTACHMENT_TITLE',
            (text, offset, ...rest) => {
                const m = caps(text, offset, ...rest);
                return m && beforeAttachedLine(text, offset + m[0].length) ? m : null;
            },
            line
        );
        custom('DOC_NUMBER', docNumberToken, ['/', ...DIGITS]);
        custom('CITE_TEXT', citeText, anyBut(']\n\r'));
        custom('|', pipeMatcher, ['|']);
        custom('TEXT', textMatcher, anyBut('[]{}\n\r'));
        const valueText = /(?:[^}\\\n\r]+|\\[^\n\r])(?:[^}\\\n\r]+|\\[^\n\r])*/y;
        custom(
            'VALUE_TEXT',
            (text, offset) => {
                valueText.lastIndex = offset;
                return valueText.test(text) ? matched(text.slice(offset, valueText.lastIndex)) : null;
            },
            anyBut('}\n\r')
        );
        tok('VALUE_ID').PATTERN = /#[A-Za-z0-9_\-À-ỹĐđ]+/;
        tok('VALUE_REF').PATTERN = /@[A-Za-z0-9_\-À-ỹĐđ]+/;

        const nl = tok('NL');
        const closeLine = (name: string): TokenType => ({
            name,
            PATTERN: /\r?\n(?:[ \t]*\r?\n)*[ \t]*/,
            LINE_BREAKS: true,
            POP_MODE: true,
            CATEGORIES: [nl]
        });
        const openCite = tok('['),
            closeCite = tok(']'),
            openValue = tok('{'),
            closeValue = tok('}');
        openCite.PUSH_MODE = 'cite';
        openValue.PUSH_MODE = 'value';
        closeCite.POP_MODE = true;
        closeValue.POP_MODE = true;

        const main = [
            'NL',
            'COMMENT',
            'WS',
            'REGISTRY_TITLE',
            'KIND_LINE',
            'QUOC_HIEU',
            'TIEU_NGU',
            'NUMBER_LINE',
            'PLACE_DATE_LINE',
            'ABOUT_LINE',
            'ANNEX_LINE',
            'NOI_NHAN',
            'SIGNED_NOTE',
            'SIGN_AUTHORITY',
            'RULE_LINE',
            'ROMAN',
            'NUM2',
            'NUM1',
            'PAREN_MARK',
            'LETTER_MARK',
            'BULLET',
            'ANNEX_AGENCY',
            'ATTACHMENT_TITLE',
            'CAPS_LINE',
            '|',
            '[',
            '{',
            'TEXT'
        ].map(tok);
        const definition: IMultiModeLexerDefinition = {
            modes: {
                main,
                cite: [closeCite, closeLine('NL_IN_CITATION'), tok('DOC_NUMBER'), tok('CITE_TEXT')],
                value: [closeValue, closeLine('NL_IN_VALUE'), tok('VALUE_ID'), tok('VALUE_REF'), tok('VALUE_TEXT')]
            },
            defaultMode: 'main'
        };
        return definition;
    }
}
