import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { generateText } from '../../src/generate/text.js';
import { inlineSource, plainText } from '../../src/language/syntax/ast-text.js';
import { isTextPart, type Model } from '../../src/language/generated/ast.js';
import { AstUtils } from 'langium';
import { exercise, mutate, rng, seeds } from './fuzz-lib.js';
import { codeOf, workspace } from '../helpers.js';

/** The nastiest inputs met while fuzzing, kept as a fixed corpus. */
const NASTY: [string, string][] = [
    ['empty', ''],
    ['only a bracket', '['],
    ['unclosed citation at the end', 'KẾ HOẠCH\nVề việc\n\nTheo [Chỉ thị số 34-CT/TW ngày'],
    ['unclosed value', '1) {Thu ngân sách: 22.400'],
    ['stray closers', ']]]}}}'],
    ['registry header then garbage', 'SỔ VĂN BẢN\n}}}[[[\n- [Chỉ thị số\n'],
    ['NFD text', 'KẾ HOẠCH\nVề việc phát động phong trào thi đua\n\nPhòng Nội vụ chủ trì.\n'.normalize('NFD')],
    ['combining marks alone', '\u0301\u0323\u0300 \u0301\n'],
    ['a very long line', 'I. MỤC TIÊU\n' + 'Phát huy '.repeat(20000) + '\n'],
    ['deep numbering', Array.from({ length: 400 }, (_, k) => `${'1.'.repeat(1 + (k % 5))} mục ${k}`).join('\n')],
    ['markers only', 'I.\n1.\na)\n- \nNơi nhận:\nTM.\n'],
    ['nested brackets', '[[[[{{{{[Chỉ thị số 1/CT-UBND]}}}}]]]]'],
    ['NUL and control characters', 'KẾ HOẠCH\u0000\u0007\nVề việc\u001b\n'],
    ['CRLF line ends', 'KẾ HOẠCH\r\nVề việc\r\n\r\nI. MỤC TIÊU\r\n1) {Chỉ tiêu: 5 xã}.\r\n'],
    [
        'a date that does not exist everywhere',
        'Số: 5/KH-UBND\nHà Nội, ngày 31 tháng 02 năm 2023\nKẾ HOẠCH\nVề việc\n{Từ ngày 31/02/2023 đến ngày 30/02/2023}\n'
    ],
    ['emoji and astral characters', 'KẾ HOẠCH\nVề việc 💥𝔸𝕍\n{💥: 5 💥}\n'],
    [
        'a 50,000-letter word as a unit, completion at its end',
        '1) {Chỉ tiêu: 5 ' + 'x'.repeat(50000) + '}\n' + 'y'.repeat(30000)
    ]
];

// Time bounds are the fuzz script's job (npm run fuzz reports every document over 1 s); here: no exception.
describe('the nastiest inputs: no exception anywhere', () => {
    for (const [name, text] of NASTY) {
        test(name, async () => {
            const r = await exercise(text, rng(1));
            expect(r.failures).toEqual([]);
        });
    }

    test('60 mutated examples (seed 11)', async () => {
        const r = rng(11);
        for (let n = 0; n < 60; n++) {
            let text = seeds[Math.floor(r() * seeds.length)];
            text = mutate(mutate(text, r), r);
            const result = await exercise(text, r);
            expect(result.failures, `mutant ${n}`).toEqual([]);
        }
    }, 120_000);
});

/** Every prose word of the source, in order. */
function proseWords(root: Model): string[] {
    return (
        AstUtils.streamAllContents(root)
            .filter(isTextPart)
            .toArray()
            .flatMap(p =>
                plainText(inlineSource([p]))
                    .split(/\s+/)
                    .filter(w => /\p{L}/u.test(w))
            )
            // Emphasis can open in one part and close in another: the marks are not words; nor is a cell's line break.
            .map(w => w.replace(/\*/g, '').replace(/<br\s*\/?>/giu, ''))
            .filter(w => /\p{L}/u.test(w))
    );
}

function isSubsequence(words: string[], text: string): boolean {
    let from = 0;
    for (const w of words) {
        const i = text.indexOf(w, from);
        if (i < 0) return false;
        from = i + w.length;
    }
    return true;
}

describe('no text lost', () => {
    const texts = [
        ...seeds,
        ...Array.from({ length: 25 }, (_, n) => {
            const r = rng(100 + n);
            return mutate(seeds[n % seeds.length], r);
        })
    ];

    test('export to text keeps every prose word in order (examples and mutants)', async () => {
        for (const [n, text] of texts.entries()) {
            const { docs } = await workspace({ 'doc.thidua': text });
            const root = docs.get('doc.thidua')!.parseResult.value;
            // A "*" that closes no emphasis is printed as written: marks are compared as words are, without them.
            expect(isSubsequence(proseWords(root), generateText(root).replace(/\*/g, '')), `text ${n}`).toBe(true);
        }
    });

    test('every quick fix edits only its own place and keeps every other character', async () => {
        let fixes = 0;
        for (const [n, text] of texts.entries()) {
            const { docs, services } = await workspace({ 'doc.thidua': text });
            const doc = docs.get('doc.thidua')!;
            for (const d of doc.diagnostics ?? []) {
                const actions = ((await services.Thidua.lsp.CodeActionProvider!.getCodeActions(doc, {
                    textDocument: { uri: doc.uri.toString() },
                    range: d.range,
                    context: { diagnostics: [d] }
                })) ?? []) as CodeAction[];
                for (const a of actions) {
                    const edits = (a.edit?.changes?.[doc.uri.toString()] ?? []) as TextEdit[];
                    if (!edits.length || codeOf(d) === 'van-ban-nfc') continue;
                    fixes++;
                    const td = TextDocument.create('x', 'thidua', 0, text);
                    const after = TextDocument.applyEdits(td, edits);
                    // Outside the edited ranges the text is the same, character for character.
                    const sorted = [...edits].sort((x, y) => td.offsetAt(x.range.start) - td.offsetAt(y.range.start));
                    let kept = '',
                        last = 0;
                    for (const e of sorted) {
                        kept += text.slice(last, td.offsetAt(e.range.start));
                        last = td.offsetAt(e.range.end);
                    }
                    kept += text.slice(last);
                    expect(
                        isSubsequence([...kept.replace(/\s+/g, '')], after.replace(/\s+/g, '')),
                        `text ${n}, fix "${a.title}"`
                    ).toBe(true);
                    for (const e of edits)
                        expect(
                            td.getText(e.range).length,
                            `text ${n}, fix "${a.title}" replaces ${td.getText(e.range)}`
                        ).toBeLessThanOrEqual(Math.max(40, td.getText(d.range).length + 5));
                }
            }
        }
        expect(fixes).toBeGreaterThan(10);
    }, 120_000);
});
