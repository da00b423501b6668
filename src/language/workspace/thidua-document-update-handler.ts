import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { returnMemory, returnMemoryIfGrown } from './collect-garbage.js';
import { afterQueuedMessages } from './event-loop.js';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** How long the editor sends no edit before the memory edits left behind is given back. */
const QUIET_MS = 2000;

/**
 * An edit is handled as soon as no other edit is queued behind it (a keystroke waits for nothing). Edits
 * arriving while an update runs are a burst (fast typing, a paste, a client replaying 5,000 edits): each
 * update re-parses the document before it can be cancelled, so the burst becomes one update after a pause
 * at least as long as the last update took.
 */
export class ThiduaDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    delay = 20;
    private pending = new Map<string, URI>();
    private closedSinceCollect = false;
    private timer?: ReturnType<typeof setTimeout>;
    private running = 0;
    private lastUpdateMs = 0;
    private edits = 0;
    private quiet?: ReturnType<typeof setTimeout>;

    private readonly files: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.files = services.workspace.FileSystemProvider;
        services.workspace.TextDocuments.onDidClose(e => void this.didClose(e.document.uri));
    }

    /**
     * A document closed in the editor is the file's again: read from disk (the editor's unsaved text is gone), then
     * unloaded like any unopened file, and its memory returned.
     */
    private async didClose(uri: string): Promise<void> {
        const parsed = URI.parse(uri);
        this.closedSinceCollect = true;
        // An unsaved new file, or one deleted meanwhile, leaves the workspace.
        if (parsed.scheme !== 'file' || !(await this.files.exists(parsed).catch(() => false))) {
            this.fireDocumentUpdate([], [parsed]);
            return;
        }
        this.pending.set(uri, parsed);
        const edit = ++this.edits;
        afterQueuedMessages(() => {
            if (edit === this.edits) this.schedule(edit);
        });
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        this.pending.set(change.document.uri, URI.parse(change.document.uri));
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
        const edit = ++this.edits;
        afterQueuedMessages(() => {
            if (edit === this.edits) this.schedule(edit);
        });
    }

    private schedule(edit: number): void {
        if (!this.running) return this.flush();
        this.timer = setTimeout(
            () =>
                afterQueuedMessages(() => {
                    if (edit === this.edits) this.flush();
                }),
            Math.max(this.delay, this.lastUpdateMs)
        );
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.running++;
        const started = performance.now();
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(err => console.error('Không cập nhật được văn bản.', err))
            .finally(() => {
                this.running--;
                this.lastUpdateMs = performance.now() - started;
                if (this.running) return;
                if (this.closedSinceCollect) {
                    this.closedSinceCollect = false;
                    returnMemory();
                } else this.whenQuiet();
            });
    }

    /** Once no edit has come for a while, gives back the memory the last edits left, if they left much. */
    private whenQuiet(): void {
        if (this.quiet) clearTimeout(this.quiet);
        const edit = this.edits;
        this.quiet = setTimeout(() => {
            this.quiet = undefined;
            if (edit === this.edits && !this.running) returnMemoryIfGrown();
        }, QUIET_MS);
        this.quiet.unref?.();
    }

    private flush(): void {
        const changed = [...this.pending.values()];
        this.pending.clear();
        this.timer = undefined;
        if (changed.length) this.fireDocumentUpdate(changed, []);
    }
}
