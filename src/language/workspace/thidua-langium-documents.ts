import { DefaultLangiumDocuments, DocumentState, stream, type LangiumDocument, type Stream } from 'langium';
import type { URI } from 'langium';

/**
 * The folder's documents in a map by URI. Langium keeps them in a tree of path segments and parses and prints the
 * URI again at each lookup: each link to another document looks it up, ~3 % of a large folder's start-up. A URI's
 * text is already in normal form (`URI.toString`), so it is the key; a folder is the keys that start with its own.
 */
export class ThiduaLangiumDocuments extends DefaultLangiumDocuments {
    private readonly byUri = new Map<string, LangiumDocument>();

    // A copy, as Langium's: a caller may add or delete documents while it goes through them.
    override get all(): Stream<LangiumDocument> {
        return stream([...this.byUri.values()]);
    }

    override addDocument(document: LangiumDocument): void {
        const key = document.uri.toString();
        if (this.byUri.has(key)) throw new Error(`A document with the URI '${key}' is already present.`);
        this.byUri.set(key, document);
    }

    override getDocument(uri: URI): LangiumDocument | undefined {
        return this.byUri.get(uri.toString());
    }

    override hasDocument(uri: URI): boolean {
        return this.byUri.has(uri.toString());
    }

    /** The document of this URI, or those below it when it is a folder (compared in normal form, as the keys). */
    override getDocuments(folder: URI): LangiumDocument[] {
        const key = folder.toString();
        const document = this.byUri.get(key);
        if (document) return [document];
        const prefix = key.endsWith('/') ? key : `${key}/`;
        return [...this.byUri].filter(([uri]) => uri.startsWith(prefix)).map(([, d]) => d);
    }

    override invalidateDocument(uri: URI): LangiumDocument | undefined {
        const document = this.getDocument(uri);
        if (document) this.services.workspace.DocumentBuilder.resetToState(document, DocumentState.Changed);
        return document;
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        const key = uri.toString();
        const document = this.byUri.get(key);
        if (document) {
            document.state = DocumentState.Changed;
            this.byUri.delete(key);
        }
        return document;
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        const documents = this.getDocuments(folder);
        for (const document of documents) {
            document.state = DocumentState.Changed;
            this.byUri.delete(document.uri.toString());
        }
        return documents;
    }
}
