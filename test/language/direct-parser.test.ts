import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AstUtils, EmptyFileSystem, isReference, type AstNode, type CstNode, type GrammarAST } from 'langium';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { forEachNode } from '../../src/language/syntax/ast-walk.js';
import { ThiduaGrammar } from '../../src/language/generated/grammar.js';
import type { ThiduaLangiumParser } from '../../src/language/syntax/thidua-parser.js';
import { generateDocument, registry, rng, tablePlan } from '../bench/generate.js';
import { ANNEX_FORM, CONG_VAN, exampleTexts, ISSUED_DOCUMENT } from '../helpers.js';

const withDirect = createThiduaServices(EmptyFileSystem).Thidua.parser.LangiumParser as ThiduaLangiumParser;
const langiumOnly = createThiduaServices(EmptyFileSystem).Thidua.parser.LangiumParser as ThiduaLangiumParser;
langiumOnly.direct = undefined;

/** Whether the last parse of `withDirect` was direct. */
let wasDirect = false;
const directParser = withDirect.direct!;
const directParse = directParser.parse.bind(directParser);
directParser.parse = (tokens, hidden) => {
    const result = directParse(tokens, hidden);
    wasDirect = result !== undefined;
    return result;
};

/** Each grammar element by its rule and place in the rule (the same in any services). */
const elementNames = new Map<GrammarAST.AbstractElement | GrammarAST.AbstractRule, string>();
for (const rule of ThiduaGrammar().rules) {
    let n = 0;
    for (const e of AstUtils.streamAst(rule)) elementNames.set(e as GrammarAST.AbstractElement, `${rule.name}#${n++}`);
}

/** Everything of a parse: every CST node in order and every AST node with its properties, by index. */
function dump(text: string, parser: ThiduaLangiumParser): unknown {
    const result = parser.parse(text);
    const root = result.value;
    const astIds = new Map<AstNode, number>();
    forEachNode(root, n => astIds.set(n, astIds.size));
    const cstIds = new Map<CstNode, number>();
    const cst: unknown[] = [];
    const visit = (node: CstNode) => {
        cstIds.set(node, cstIds.size);
        const own = (node as unknown as { _astNode?: AstNode })._astNode;
        const entry = {
            kind: 'content' in node ? 'group' : 'leaf',
            at: [node.offset, node.length, node.end],
            range: node.range,
            hidden: node.hidden,
            token: 'tokenType' in node ? (node.tokenType as { name: string }).name : undefined,
            grammar: node.grammarSource ? (elementNames.get(node.grammarSource) ?? '?') : undefined,
            astNode: node.astNode ? astIds.get(node.astNode) : undefined,
            own: own ? astIds.get(own) : undefined,
            container: node.container ? cstIds.get(node.container) : undefined
        };
        cst.push(entry);
        if ('content' in node) for (const child of (node as { content: CstNode[] }).content) visit(child);
    };
    if (root.$cstNode) visit(root.$cstNode.root);
    const ast: unknown[] = [];
    forEachNode(root, node => {
        const props: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            const one = (v: unknown): unknown =>
                isReference(v)
                    ? { ref: v.$refText, node: v.$refNode ? cstIds.get(v.$refNode) : undefined }
                    : typeof v === 'object' && v !== null
                      ? { node: astIds.get(v as AstNode) }
                      : v;
            props[key] = Array.isArray(value) ? value.map(one) : one(value);
        }
        ast.push({
            type: node.$type,
            keys: Object.keys(node).sort(),
            container: node.$container ? astIds.get(node.$container) : undefined,
            property: node.$containerProperty,
            index: node.$containerIndex,
            cst: node.$cstNode ? cstIds.get(node.$cstNode) : undefined,
            props
        });
    });
    return {
        ast,
        cst,
        lexerErrors: result.lexerErrors.map(e => [e.offset, e.message]),
        parserErrors: result.parserErrors.map(e => [e.token.startOffset, e.message])
    };
}

/** Texts a drafter's file may hold, cut and mixed: most leave the grammar's plain path somewhere. */
function mutations(text: string, seed: number, count: number): string[] {
    const random = rng(seed);
    const lines = text.split('\n');
    const pick = () => Math.floor(random() * lines.length);
    const out: string[] = [];
    for (let k = 0; k < count; k++) {
        const copy = [...lines];
        const kind = k % 6;
        const i = pick();
        if (kind === 0) copy.splice(i, 1);
        else if (kind === 1) copy.splice(i, 0, lines[pick()]);
        else if (kind === 2) copy[i] = copy[i].slice(0, Math.floor(random() * copy[i].length));
        else if (kind === 3) [copy[i], copy[pick()]] = [copy[pick()], copy[i]];
        else if (kind === 4)
            copy.splice(i, 0, ['[', '{', '|', ']', '}', 'TM. ỦY BAN', 'Nơi nhận:', 'PHỤ LỤC I'][k % 8]);
        else copy[i] = copy[i] + [' [Chỉ thị số 34-CT/TW', ' {#id', ' | x |', ' // ghi chú', '\t'][k % 5];
        out.push(copy.join(random() < 0.2 ? '\r\n' : '\n'));
    }
    return out;
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const fixtureTexts = readdirSync(join(fixtures, 'correct'))
    .filter(f => f.endsWith('.thidua'))
    .map(f => readFileSync(join(fixtures, 'correct', f), 'utf8'));
/** Comments and blanks where a drafter leaves them: the hidden tokens go where Langium's parser puts them. */
const HIDDEN = [
    '// ghi chú đầu tệp',
    'KẾ HOẠCH',
    'Phát động thi đua năm 2025',
    '// ghi chú giữa',
    'I. MỤC ĐÍCH   ',
    '   1. Khoản một [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị].\t',
    '// trong khoản',
    '  - Gạch đầu dòng {#chi_tieu 95%}.',
    '| STT | Nội dung |',
    '// sau bảng',
    'Nơi nhận:',
    '- Như trên;',
    '  // trước chữ ký',
    'CHỦ TỊCH',
    'Nguyễn Văn A',
    '// cuối tệp, không xuống dòng'
].join('\n');

const wellFormed = [
    HIDDEN,
    HIDDEN.replace(/\n/g, '\r\n') + '\n',
    ...Object.values(exampleTexts()),
    ...fixtureTexts,
    // Texts issued with a document (their header repeated), a công văn and its form, a form inside a Phụ lục.
    ISSUED_DOCUMENT,
    CONG_VAN,
    ANNEX_FORM,
    registry(),
    ...Array.from({ length: 40 }, (_, i) => generateDocument(60 + i, i)),
    ...Array.from({ length: 10 }, (_, i) => tablePlan(30, 5 + i, i))
];

describe('direct parse: the tree Langium builds', () => {
    test('for every well-formed example, fixture and generated plan, taken without Langium', () => {
        let direct = 0;
        for (const text of wellFormed) {
            const expected = dump(text, langiumOnly);
            expect(dump(text, withDirect)).toEqual(expected);
            if (wasDirect) direct++;
        }
        // Texts with syntax errors are Langium's; every other one is read directly.
        const clean = wellFormed.filter(t => {
            const result = langiumOnly.parse(t);
            return !result.parserErrors.length && !result.lexerErrors.length;
        });
        expect(clean.length).toBeGreaterThan(50);
        expect(direct).toBe(clean.length);
    });

    test('for texts cut and mixed (most with syntax errors, left to Langium), the same tree and errors', () => {
        let direct = 0;
        const texts = [...Object.values(exampleTexts()), ...fixtureTexts, ISSUED_DOCUMENT, CONG_VAN].flatMap((t, i) =>
            mutations(t, i + 1, 60)
        );
        for (const text of texts) {
            expect(dump(text, withDirect)).toEqual(dump(text, langiumOnly));
            if (wasDirect) direct++;
        }
        // Both paths are exercised.
        expect(direct).toBeGreaterThan(texts.length / 10);
        expect(direct).toBeLessThan(texts.length);
    });
});
