import {
    Cancellation,
    DefaultIndexManager,
    type AstNodeDescription,
    type LangiumDocument,
    type ReferenceDescription,
    type URI
} from 'langium';

/**
 * Langium's index, able to say what a document exported and cited, and to take it back from an earlier session.
 *
 * It also knows which documents export each name, so that a reference is looked up without a table of the folder's
 * every name (Langium's global scope, made again after every change: a pass over all exports of a large folder
 * before the first link of each build).
 */
export class ThiduaIndexManager extends DefaultIndexManager {
    /** The documents exporting each name. */
    private readonly exporters = new Map<string, Set<string>>();
    /** The order of the documents in the index (the order `allElements` gives their names in). */
    private readonly position = new Map<string, number>();
    private added = 0;

    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    referencesOf(uri: string): readonly ReferenceDescription[] {
        return this.referenceIndex.get(uri) ?? [];
    }

    /** The exported names `name` of this type (or a subtype), in the order `allElements` gives them. */
    elementsNamed(name: string, type: string): AstNodeDescription[] {
        const uris = this.exporters.get(name);
        if (!uris) return [];
        const ordered = [...uris];
        if (ordered.length > 1) ordered.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
        return ordered.flatMap(uri => this.getFileDescriptions(uri, type).filter(d => d.name === name));
    }

    override async updateContent(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        const uri = document.uri.toString();
        const before = this.symbolIndex.get(uri);
        await super.updateContent(document, cancelToken);
        this.reindex(uri, before, this.symbolIndex.get(uri));
    }

    override removeContent(uri: URI): void {
        const key = uri.toString();
        const before = this.symbolIndex.get(key);
        super.removeContent(uri);
        this.reindex(key, before, undefined);
    }

    /** Puts back the entries of a document whose tree is not built (its text is unchanged since they were made). */
    restore(uri: string, exports: AstNodeDescription[], references: ReferenceDescription[]): void {
        const before = this.symbolIndex.get(uri);
        this.symbolIndex.set(uri, exports);
        this.symbolByTypeIndex.clear(uri);
        this.referenceIndex.set(uri, references);
        this.reindex(uri, before, exports);
    }

    private reindex(
        uri: string,
        before: readonly AstNodeDescription[] | undefined,
        after: readonly AstNodeDescription[] | undefined
    ): void {
        for (const d of before ?? []) {
            const uris = this.exporters.get(d.name);
            uris?.delete(uri);
            if (uris?.size === 0) this.exporters.delete(d.name);
        }
        // A document keeps its place in the index when updated; removed and added again, it goes last (as in a Map).
        if (!after) {
            this.position.delete(uri);
            return;
        }
        if (!this.position.has(uri)) this.position.set(uri, this.added++);
        for (const d of after) {
            let uris = this.exporters.get(d.name);
            if (!uris) this.exporters.set(d.name, (uris = new Set()));
            uris.add(uri);
        }
    }
}
