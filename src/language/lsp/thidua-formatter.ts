import type { LangiumDocument, Lexer, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentRangeFormattingParams,
    TextEdit
} from 'vscode-languageserver';
import type { ThiduaServices } from '../thidua-module.js';
import { formatThidua } from '../syntax/format-text.js';

/** The editor's formatting: the whole document laid out by `formatThidua`. */
export class ThiduaFormatter implements Formatter {
    private readonly lexer: Lexer;
    constructor(services: ThiduaServices) {
        this.lexer = services.parser.Lexer;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return this.edits(document);
    }

    /** The layout depends on neighbouring lines, so a range is formatted as the whole document. */
    formatDocumentRange(document: LangiumDocument, _params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return this.edits(document);
    }

    formatDocumentOnType(): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private edits(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = formatThidua(text, this.lexer);
        if (formatted === text) return [];
        return [
            {
                range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) },
                newText: formatted
            }
        ];
    }
}
