import { TextDocument } from 'langium';
import { NormalizedTextDocuments } from 'langium/lsp';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

/**
 * The editor's texts, with the protocol's versions honoured: a change that is not newer than the text it applies
 * to (a repeated or late message) is dropped, so the server's text never goes back to an older one.
 */
export class ThiduaTextDocuments extends NormalizedTextDocuments<TextDocument> {
    constructor() {
        super({
            create: TextDocument.create,
            update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
                if (version <= document.version) {
                    console.error(
                        `thidua: bỏ qua thay đổi phiên bản ${version} của ${document.uri} (đã có phiên bản ${document.version})`
                    );
                    return document;
                }
                return TextDocument.update(document, changes, version);
            }
        });
    }
}
