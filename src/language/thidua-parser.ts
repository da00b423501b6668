import { createLangiumParser, CstNodeBuilder, LeafCstNodeImpl, type GrammarAST, type LangiumCoreServices, type LangiumParser, type LeafCstNode } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from 'vscode-languageserver';


/**
 * A token of the tree that keeps its position as four numbers and makes the LSP range when asked. Langium's
 * leaf stores a range object (three objects per token); a 20,000-line document has 110,000 tokens, and a
 * workspace keeps every file's tree, so this saves about a quarter of the memory of each tree.
 */
export class CompactLeafCstNode extends LeafCstNodeImpl {
    private startLine: number;
    private startColumn: number;
    private endLine: number;
    private endColumn: number;

    constructor(token: IToken, tokenType: TokenType, hidden: boolean) {
        super(token.startOffset, token.image.length, undefined as unknown as Range, tokenType, hidden);
        // Chevrotain counts from 1; the LSP from 0 (the same conversion as Langium's tokenToRange).
        this.startLine = token.startLine! - 1;
        this.startColumn = token.startColumn! - 1;
        this.endLine = token.endLine! - 1;
        this.endColumn = token.endColumn!;
    }

    /** Moves the token to a new place and length (a line re-parsed on its own; positions 0-based, end exclusive). */
    place(offset: number, length: number, range: Range): void {
        const self = this as unknown as { _offset: number; _length: number };
        self._offset = offset;
        self._length = length;
        this.startLine = range.start.line;
        this.startColumn = range.start.character;
        this.endLine = range.end.line;
        this.endColumn = range.end.character;
    }

    /** Moves the token by `delta` in the text (a later line grew or shrank before it); its line and column stay. */
    shift(delta: number): void {
        (this as unknown as { _offset: number })._offset += delta;
    }

    override get range(): Range {
        return { start: { line: this.startLine, character: this.startColumn }, end: { line: this.endLine, character: this.endColumn } };
    }
}

class CompactCstNodeBuilder extends CstNodeBuilder {
    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = new CompactLeafCstNode(token, token.tokenType, !feature);
        leaf.grammarSource = feature;
        leaf.root = (this as unknown as { rootNode: LeafCstNode['root'] }).rootNode;
        this.current.content.push(leaf);
        return leaf;
    }
}

/** Langium's parser building its tree with compact tokens (everything else as Langium does it). */
export function createThiduaParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CompactCstNodeBuilder();
    return parser;
}
