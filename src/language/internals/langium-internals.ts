/**
 * Every private field of Langium 4.4 that thidua reads or writes for speed, in one place. Each has a test
 * (`test/language/langium-internals.test.ts`) that fails when an upgrade renames or removes it.
 */
import type { CompositeCstNode, CstNode, CstNodeBuilder, LangiumParser, LexerResult, RootCstNode } from 'langium';
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Range } from 'vscode-languageserver';

/**
 * A token of the tree: its offset, length and position (LeafCstNodeImpl `_offset`, `_length`, `_startLine`,
 * `_startColumn`, `_endLine`, `_endColumn`; positions 0-based, end exclusive).
 */
interface LeafFields {
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/** A token's fields, to read its position without making a range object. */
export function leafFields(leaf: CstNode): Readonly<LeafFields> {
    return leaf as unknown as LeafFields;
}

/** Moves a token to a new place in the text (and, given a range, to a new line and column). */
export function placeLeaf(leaf: CstNode, offset: number, length: number, range?: Range): void {
    const fields = leaf as unknown as LeafFields;
    fields._offset = offset;
    fields._length = length;
    if (range) {
        fields._startLine = range.start.line;
        fields._startColumn = range.start.character;
        fields._endLine = range.end.line;
        fields._endColumn = range.end.character;
    }
}

/** Moves a token by `delta` characters. */
export function shiftLeaf(leaf: CstNode, delta: number): void {
    (leaf as unknown as LeafFields)._offset += delta;
}

/** The text a root node hands its nodes (RootCstNodeImpl `_text`). */
export function setRootText(root: RootCstNode, text: string): void {
    (root as unknown as { _text: string })._text = text;
}

/** The node builder's tree under construction (CstNodeBuilder `rootNode`, `nodeStack`). */
export function builderRoot(builder: CstNodeBuilder): RootCstNode {
    return (builder as unknown as { rootNode: RootCstNode }).rootNode;
}

export function builderStack(builder: CstNodeBuilder): CompositeCstNode[] {
    return (builder as unknown as { nodeStack: CompositeCstNode[] }).nodeStack;
}

/** Lets go of the last tree built (the builder kept it until the next parse, and with it a closed file's text). */
export function releaseBuilder(builder: CstNodeBuilder): void {
    const fields = builder as unknown as { rootNode?: RootCstNode; nodeStack: CompositeCstNode[] };
    fields.rootNode = undefined;
    fields.nodeStack = [];
}

/** The parser's internals that `parse` uses (LangiumParser's private fields and method). */
export interface ParserState {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: LexerResult;
    wrapper: { input: IToken[]; errors: IRecognitionException[] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, boolean[]>;
    doParse(rule: unknown): unknown;
}

export function parserState(parser: LangiumParser): ParserState {
    return parser as unknown as ParserState;
}

/**
 * Replaces LangiumParser's private `construct` (it pops the node a rule built and finishes it) on one parser;
 * `original` is Langium's, `top` the node it would pop.
 */
export function replaceConstruct(
    parser: LangiumParser,
    construct: (original: () => unknown, top: Record<string | symbol, unknown> | undefined) => unknown
): void {
    const fields = parser as unknown as {
        construct: () => unknown;
        stack: Record<string | symbol, unknown>[];
        nodeBuilder: CstNodeBuilder;
    };
    const original = fields.construct.bind(parser);
    fields.construct = () => construct(original, fields.stack[fields.stack.length - 1]);
}

/** Takes the node `replaceConstruct` was given off the parser's stack and ends its CST node. */
export function popConstructed(parser: LangiumParser): void {
    const fields = parser as unknown as { stack: unknown[]; nodeBuilder: CstNodeBuilder };
    fields.nodeBuilder.construct(fields.stack.pop() as Parameters<CstNodeBuilder['construct']>[0]);
}

/** Replaces the parser's node builder (LangiumParser `nodeBuilder`). */
export function setNodeBuilder(parser: LangiumParser, builder: CstNodeBuilder): void {
    parserState(parser).nodeBuilder = builder;
}

/** The result a custom Chevrotain token pattern returns: the matched text (an exec result by contract). */
export function matched(text: string): RegExpExecArray {
    ONE[0] = text;
    return ONE;
}

/** The lexer reads a custom pattern's match at once (Chevrotain's tokenizeInternal): one array serves them all. */
const ONE = [''] as unknown as RegExpExecArray;
