import { DefaultIndexManager, type AstNodeDescription, type ReferenceDescription } from 'langium';

/** Langium's index, able to say what a document exported and cited, and to take it back from an earlier session. */
export class ThiduaIndexManager extends DefaultIndexManager {
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    referencesOf(uri: string): readonly ReferenceDescription[] {
        return this.referenceIndex.get(uri) ?? [];
    }

    /** Puts back the entries of a document whose tree is not built (its text is unchanged since they were made). */
    restore(uri: string, exports: AstNodeDescription[], references: ReferenceDescription[]): void {
        this.symbolIndex.set(uri, exports);
        this.symbolByTypeIndex.clear(uri);
        this.referenceIndex.set(uri, references);
    }
}
