import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Coalesces bursts of edits: each update would re-parse the document before it can be cancelled, so a
 * fast typist (or a client replaying 5,000 edits) would queue thousands of parses. Changes arriving within
 * `delay` ms of each other become one update.
 */
export class ThiduaDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    delay = 20;
    private pending = new Map<string, URI>();
    private timer?: ReturnType<typeof setTimeout>;

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        this.pending.set(change.document.uri, URI.parse(change.document.uri));
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            const changed = [...this.pending.values()];
            this.pending.clear();
            this.timer = undefined;
            this.fireDocumentUpdate(changed, []);
        }, this.delay);
    }
}
