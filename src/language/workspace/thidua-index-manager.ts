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
    /** For each name, the documents exporting it and their descriptions of it. */
    private readonly exporters = new Map<string, Map<string, AstNodeDescription[]>>();
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
        const byUri = this.exporters.get(name);
        if (!byUri) return [];
        const uris = [...byUri.keys()];
        if (uris.length > 1) uris.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
        return uris.flatMap(uri => byUri.get(uri)!.filter(d => this.astReflection.isSubtype(d.type, type)));
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
            const byUri = this.exporters.get(d.name);
            byUri?.delete(uri);
            if (byUri?.size === 0) this.exporters.delete(d.name);
        }
        // A document keeps its place in the index when updated; removed and added again, it goes last (as in a Map).
        if (!after) {
            this.position.delete(uri);
            return;
        }
        if (!this.position.has(uri)) this.position.set(uri, this.added++);
        for (const d of after) {
            let byUri = this.exporters.get(d.name);
            if (!byUri) this.exporters.set(d.name, (byUri = new Map()));
            const named = byUri.get(uri);
            if (named) named.push(d);
            else byUri.set(uri, [d]);
        }
    }
}
