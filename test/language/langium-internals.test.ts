// Each private field of Langium that thidua relies on (src/language/internals/langium-internals.ts): an upgrade
// that renames or removes one fails here, by name, rather than somewhere in the editor.
import { createLangiumParser, CstNodeBuilder, CstUtils, LeafCstNodeImpl, type RootCstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import {
    builderRoot,
    builderStack,
    leafFields,
    matched,
    parserState,
    placeLeaf,
    popConstructed,
    releaseBuilder,
    replaceConstruct,
    setNodeBuilder,
    setRootText,
    shiftLeaf
} from '../../src/language/internals/langium-internals.js';
import { parse, services } from '../helpers.js';

const TEXT = 'KẾ HOẠCH\nThi đua năm 2026\n\nI. MỤC ĐÍCH\nPhát huy.\n';

describe("Langium's internals thidua relies on", () => {
    test('a token: its offset, length and position are own fields `_offset`, `_length`, `_startLine`, `_startColumn`, `_endLine`, `_endColumn`', async () => {
        const doc = await parse(TEXT);
        const leaf = CstUtils.streamCst(doc.parseResult.value.$cstNode!).find(n => n instanceof LeafCstNodeImpl)!;
        for (const field of ['_offset', '_length', '_startLine', '_startColumn', '_endLine', '_endColumn'])
            expect(Object.hasOwn(leaf, field), field).toBe(true);
        const { start, end } = leaf.range;
        expect(leafFields(leaf)).toMatchObject({
            _startLine: start.line,
            _startColumn: start.character,
            _endLine: end.line,
            _endColumn: end.character
        });
        placeLeaf(leaf, 3, 2);
        expect([leaf.offset, leaf.length, leaf.end]).toEqual([3, 2, 5]);
        expect(leaf.range).toEqual({ start, end });
        placeLeaf(leaf, 3, 2, { start: { line: 4, character: 1 }, end: { line: 4, character: 3 } });
        expect(leaf.range).toEqual({ start: { line: 4, character: 1 }, end: { line: 4, character: 3 } });
        shiftLeaf(leaf, 4);
        expect([leaf.offset, leaf.end]).toEqual([7, 9]);
    });

    test('the root: its text is the own field `_text`', async () => {
        const doc = await parse(TEXT);
        const root = doc.parseResult.value.$cstNode!.root as RootCstNode;
        expect(Object.hasOwn(root, '_text')).toBe(true);
        setRootText(root, TEXT.replace('2026', '2027'));
        expect(root.fullText).toContain('2027');
    });

    test('the node builder: `rootNode` and `nodeStack`', () => {
        const builder = new CstNodeBuilder();
        const root = builder.buildRootNode('x');
        expect(builderRoot(builder)).toBe(root);
        expect(builderStack(builder)).toEqual([root]);
        releaseBuilder(builder);
        expect(builderRoot(builder)).toBeUndefined();
        expect(builderStack(builder)).toEqual([]);
    });

    test('after a parse the parser keeps neither the tokens nor the tree (a closed file stays in no cache)', () => {
        const parser = services.Thidua.parser.LangiumParser;
        const result = parser.parse('KẾ HOẠCH\nThi đua\n\nTheo [Chỉ thị số 34-CT/TW\nĐoạn có dấu ] lạc.\n');
        expect(result.parserErrors.length).toBeGreaterThan(0);
        const state = parserState(parser);
        expect(builderRoot(state.nodeBuilder)).toBeUndefined();
        expect(state.wrapper.input).toEqual([]);
    });

    test('the parser: `nodeBuilder`, `wrapper`, `allRules`, `mainRule`, `unorderedGroups`, `doParse`, `lexerResult`', () => {
        const parser = services.Thidua.parser.LangiumParser;
        const state = parserState(parser);
        expect(state.nodeBuilder).toBeInstanceOf(CstNodeBuilder);
        expect(Array.isArray(state.wrapper.errors)).toBe(true);
        expect('input' in state.wrapper).toBe(true);
        expect(state.allRules).toBeInstanceOf(Map);
        expect(state.allRules.size).toBeGreaterThan(10);
        expect(state.mainRule).toBeTypeOf('function');
        expect(state.unorderedGroups).toBeInstanceOf(Map);
        expect(state.doParse).toBeTypeOf('function');
        expect('lexerResult' in state).toBe(true);
        const mine = state.nodeBuilder;
        const other = new CstNodeBuilder();
        setNodeBuilder(parser, other);
        expect(parserState(parser).nodeBuilder).toBe(other);
        setNodeBuilder(parser, mine);
        expect(parser.parse(TEXT).parserErrors).toEqual([]);
    });

    test('the parser: `construct` finishes the node on top of `stack`; the node builder ends its CST node', () => {
        const parser = createLangiumParser(services.Thidua);
        const seen: unknown[] = [];
        replaceConstruct(parser, (original, top) => {
            seen.push(top?.$type);
            return original();
        });
        const result = parser.parse(TEXT);
        expect(result.parserErrors).toEqual([]);
        expect(seen).toContain('Document');
        expect(seen).toContain('Section');
        const other = createLangiumParser(services.Thidua);
        replaceConstruct(other, (original, top) => {
            if (typeof top?.$type !== 'string') return original();
            popConstructed(other);
            return top;
        });
        const value = other.parse(TEXT).value as unknown as { $type: string; body: { $cstNode: { text: string } }[] };
        expect(value.$type).toBe('Document');
        expect(value.body[0].$cstNode.text).toBe('I. MỤC ĐÍCH\nPhát huy.\n');
    });

    test('a custom token pattern returns the matched text as an exec result', () => {
        expect(matched('|')[0]).toBe('|');
        expect(matched('abc').length).toBe(1);
    });
});
