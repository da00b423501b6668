import {
    AstUtils,
    CompositeCstNodeImpl,
    CstUtils,
    createParser,
    CstNodeBuilder,
    LangiumParser,
    LeafCstNodeImpl,
    type AstNode,
    type AstReflection,
    type CompositeCstNode,
    type CstNode,
    type GrammarAST,
    type LangiumCoreServices,
    type LeafCstNode,
    type RootCstNode,
    type ParseResult,
    type ParserOptions
} from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Position, Range } from 'vscode-languageserver';
import { linkContainers } from './ast-walk.js';
import { DirectParser } from './direct-parser.js';
import {
    builderRoot,
    builderStack,
    leafFields,
    releaseBuilder,
    parserState,
    placeLeaf,
    popConstructed,
    replaceConstruct,
    setNodeBuilder,
    shiftLeaf
} from '../internals/langium-internals.js';

/**
 * A token of the tree that a line re-parse can move in place. Langium's leaf keeps its position as four numbers and
 * makes the LSP range when asked; this one reads them without making the range.
 */
export class CompactLeafCstNode extends LeafCstNodeImpl {
    constructor(token: IToken, tokenType: TokenType, hidden: boolean) {
        // Chevrotain counts from 1; the LSP from 0 (the same conversion as Langium's createLeafNode).
        super(
            token.startOffset,
            token.image.length,
            token.startLine! - 1,
            token.startColumn! - 1,
            token.endLine! - 1,
            token.endColumn!,
            tokenType,
            hidden
        );
    }

    /** Moves the token to a new place and length (a line re-parse on its own; positions 0-based, end exclusive). */
    place(offset: number, length: number, range: Range): void {
        placeLeaf(this, offset, length, range);
    }

    /** Moves the token by `delta` in the text (a later line grew or shrank before it); its line and column stay. */
    shift(delta: number): void {
        shiftLeaf(this, delta);
    }

    /** The line the token starts on. */
    get line(): number {
        return leafFields(this)._startLine;
    }

    /** The column (0-based) the token starts at. */
    get column(): number {
        return leafFields(this)._startColumn;
    }

    /** The token lies on one line. */
    get oneLine(): boolean {
        const fields = leafFields(this);
        return fields._startLine === fields._endLine;
    }
}

/** Langium's group node, its offset and end found by an indexed loop (Langium's getters iterate with for…of). */
class GroupCstNode extends CompositeCstNodeImpl {
    override get offset(): number {
        const content = this.content;
        for (let i = 0; i < content.length; i++) if (!content[i].hidden) return content[i].offset;
        return content.length ? content[0].offset : 0;
    }

    override get end(): number {
        const content = this.content;
        for (let i = content.length - 1; i >= 0; i--) if (!content[i].hidden) return content[i].end;
        return content.length ? content[content.length - 1].end : 0;
    }
}

/** The first token of a node (its first non-hidden child at each level, as Langium's offset reads it). */
function firstLeaf(node: CstNode): CstNode | undefined {
    let n: CstNode | undefined = node;
    while (n && 'content' in n) {
        const content: readonly CstNode[] = (n as CompositeCstNode).content;
        let first: CstNode | undefined;
        for (let i = 0; i < content.length && !first; i++) if (!content[i].hidden) first = content[i];
        n = first ?? content[0];
    }
    return n;
}

/** The line (0-based) a node starts on, read from its first token without making a range object. */
export function startLine(node: CstNode): number {
    const leaf = firstLeaf(node);
    return leaf instanceof CompactLeafCstNode ? leaf.line : (leaf ?? node).range.start.line;
}

/**
 * Texts with a lone "\r": the lexer counts its lines differently from the editor's, so positions come from the text.
 */
const loneCarriageReturn = new WeakMap<object, boolean>();

/**
 * The position of an offset inside `node`, read from the token that holds it (tokens keep their line and column)
 * instead of the document's table of line starts, which the checks then never build.
 */
export function positionOf(node: AstNode, offset: number): Position {
    const textDocument = AstUtils.getDocument(node).textDocument;
    const text = textDocument.getText();
    let lone = loneCarriageReturn.get(textDocument);
    if (lone === undefined) loneCarriageReturn.set(textDocument, (lone = /\r(?!\n)/.test(text)));
    const cst = lone ? undefined : node.$cstNode;
    if (cst) {
        // Most offsets asked for are in the node's first token; else the token is found by a binary search.
        let leaf = firstLeaf(cst);
        if (!holds(leaf, offset, text)) leaf = CstUtils.findLeafNodeAtOffset(cst, offset);
        // An offset just after a token (the end of a range) is found in the token before it.
        if (!holds(leaf, offset, text) && offset > 0) leaf = CstUtils.findLeafNodeAtOffset(cst, offset - 1);
        if (holds(leaf, offset, text)) return { line: leaf.line, character: leaf.column + offset - leaf.offset };
    }
    return textDocument.positionAt(offset);
}

/** The token holds the offset on its one line (a token may end with its line break: the offset after it is not). */
function holds(leaf: CstNode | undefined, offset: number, text: string): leaf is CompactLeafCstNode {
    if (!(leaf instanceof CompactLeafCstNode) || !leaf.oneLine || offset < leaf.offset || offset > leaf.end)
        return false;
    const before = offset > leaf.offset ? text.charCodeAt(offset - 1) : 0;
    return before !== 10 && before !== 13;
}

class CompactCstNodeBuilder extends CstNodeBuilder {
    private get root(): RootCstNode {
        return builderRoot(this);
    }

    // A group keeps its children in a plain array (Langium's array subclass, made with setPrototypeOf, is several
    // times slower to create and to push to); addChild sets the parent the subclass would set.
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = Object.create(GroupCstNode.prototype) as GroupCstNode;
        (node as { content: CstNode[] }).content = [];
        node.grammarSource = feature;
        addChild(this.current, node);
        builderStack(this).push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = new CompactLeafCstNode(token, token.tokenType, !feature);
        leaf.grammarSource = feature;
        addChild(this.current, leaf);
        return leaf;
    }

    // Langium's, with parents set explicitly. It runs before every token: with no comment to add, it returns at once
    // (Langium's searched the parents' lists, O(n) each time).
    override addHiddenNodes(tokens: IToken[]): void {
        if (!tokens.length) return;
        const nodes = tokens.map(
            t =>
                new LeafCstNodeImpl(
                    t.startOffset,
                    t.image.length,
                    t.startLine! - 1,
                    t.startColumn! - 1,
                    t.endLine! - 1,
                    t.endColumn!,
                    t.tokenType,
                    true
                )
        );
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            for (const n of nodes) addChild(current, n);
            return;
        }
        // A group just opened: the comments go before it, in the first enclosing group that has content.
        while (current.container) {
            const parent = current.container;
            const index = parent.content.indexOf(current);
            if (index > 0) {
                for (const n of nodes) (n as { container?: CompositeCstNode }).container = parent;
                Array.prototype.splice.call(parent.content, index, 0, ...nodes);
                return;
            }
            current = parent;
        }
        for (const n of nodes) (n as { container?: CompositeCstNode }).container = this.root;
        Array.prototype.unshift.call(this.root.content, ...nodes);
    }
}

/** What Langium's CstNodeContainer.push does for one node, without its rest-argument arrays. */
function addChild(parent: CompositeCstNode, child: CstNode): void {
    (child as { container?: CompositeCstNode }).container = parent;
    Array.prototype.push.call(parent.content, child);
}

/**
 * Langium's parse, with the containers linked by a walk over the properties that hold nodes (linkContentToContainer
 * reads every property of every node). A text the direct parser can read (no syntax error) is read by it: the same
 * tree, in half the time; any other is Langium's.
 */
export class ThiduaLangiumParser extends LangiumParser {
    /** Reads well-formed texts (undefined: Langium's parser reads every text). */
    direct?: DirectParser;

    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const self = parserState(this);
        const lexerResult = this.lexer.tokenize(input);
        self.nodeBuilder.buildRootNode(input);
        const direct =
            !options.rule && !lexerResult.errors.length && this.direct?.parse(lexerResult.tokens, lexerResult.hidden);
        if (direct) {
            self.nodeBuilder.addHiddenNodes(direct.hidden);
            // Its containers are set as its nodes are assigned.
            releaseBuilder(self.nodeBuilder);
            return { value: direct.value as T, lexerErrors: [], lexerReport: lexerResult.report, parserErrors: [] };
        }
        self.nodeBuilder.buildRootNode(input);
        self.lexerResult = lexerResult;
        self.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? self.allRules.get(options.rule) : self.mainRule;
        if (!ruleMethod)
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        const result = self.doParse(ruleMethod) as AstNode;
        self.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        self.unorderedGroups.clear();
        self.lexerResult = undefined;
        const parserErrors = self.wrapper.errors;
        // The parser keeps nothing of this text: its tokens and tree belong to the document only.
        self.wrapper.input = [];
        releaseBuilder(self.nodeBuilder);
        linkContainers(result);
        return { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors };
    }
}

/**
 * A node finished as Langium finishes it (its unset lists empty, its unset flags false), with each type's defaults
 * listed once: Langium lists every property of the type for every node (a tenth of the parse).
 */
function fillDefaultsOnce(parser: LangiumParser, reflection: AstReflection): (node: Record<string, unknown>) => void {
    const defaults = new Map<string, [string, unknown][]>();
    const defaultsOf = (type: string) => {
        let list = defaults.get(type);
        if (!list) {
            list = Object.values(reflection.getTypeMetaData(type).properties).flatMap(p =>
                p.defaultValue === undefined ? [] : [[p.name, p.defaultValue] as [string, unknown]]
            );
            defaults.set(type, list);
        }
        return list;
    };
    const fill = (node: Record<string, unknown>) => {
        for (const [name, value] of defaultsOf(node.$type as string))
            if (node[name] === undefined) node[name] = copy(value);
    };
    replaceConstruct(parser, (original, top) => {
        const type = top?.$type;
        // A data type rule's value (typed by a symbol) and an infix expression are Langium's to finish.
        if (typeof type !== 'string' || '$infixName' in top!) return original();
        popConstructed(parser);
        fill(top!);
        return top;
    });
    return fill;
}

function copy(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copy) : value;
}

/**
 * Langium's parser building its tree with compact tokens and linking containers in one walk, well-formed texts read
 * directly (everything else as Langium does it).
 */
export function createThiduaParser(services: LangiumCoreServices): LangiumParser {
    const parser = new ThiduaLangiumParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    const builder = new CompactCstNodeBuilder();
    setNodeBuilder(parser, builder);
    const fill = fillDefaultsOnce(parser, services.shared.AstReflection);
    parser.direct = new DirectParser(
        services.Grammar,
        services.parser.Lexer.definition as Record<string, TokenType>,
        builder,
        services.parser.ValueConverter,
        services.references.Linker,
        fill
    );
    return parser;
}
