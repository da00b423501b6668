import { DocumentState, type DocumentBuilder, type LangiumDocument, type LangiumDocuments } from 'langium';
import { toIso } from '../../../domain/dates.js';
import { normaliseIssuer } from '../../../domain/citation.js';
import type { DocumentDigest, ThiduaDocumentModel } from '../../model/thidua-document-model.js';

/** One way a document is cited in the folder (its date and issuer, normalised), and where first. */
export interface CitedForm {
    date?: string;
    issuer?: string;
    document: LangiumDocument;
    citation: DocumentDigest['citations'][number];
}
export interface Owner {
    document: LangiumDocument;
    own: NonNullable<DocumentDigest['own']>;
}

/**
 * What the folder's documents cite and are, by document number: built once from the digests when a workspace check
 * first asks, dropped at each build. A workspace check then looks up its own numbers instead of
 * reading every document (which made checking a folder quadratic in its size).
 */
export class WorkspaceIndex {
    private cited?: Map<string, CitedForm[]>;
    private owners?: Map<string, Owner[]>;
    private registryDocument?: LangiumDocument | null;

    constructor(
        private readonly models: ThiduaDocumentModel,
        private readonly documents: LangiumDocuments,
        builder?: DocumentBuilder
    ) {
        // Each build (an edit, a chunk of the folder at start-up) may add or change documents.
        builder?.onUpdate(() => this.reset());
        builder?.onBuildPhase(DocumentState.IndexedContent, () => this.reset());
    }

    reset(): void {
        this.cited = undefined;
        this.owners = undefined;
        this.registryDocument = undefined;
    }

    /** The folder's registry (sổ văn bản), if it keeps one. */
    registry(): LangiumDocument | undefined {
        if (this.registryDocument === undefined) {
            this.registryDocument = this.documents.all.find(d => this.models.digestOf(d).registry) ?? null;
        }
        return this.registryDocument ?? undefined;
    }

    /** The distinct forms (date, issuer) the document numbered `raw` is cited with in the folder, each where first. */
    formsOf(raw: string): readonly CitedForm[] {
        if (!this.cited) {
            const forms = new Map<string, Map<string, CitedForm>>();
            for (const document of this.documents.all) {
                for (const citation of this.models.digestOf(document).citations) {
                    const key = citation.info.docNumber?.raw;
                    if (!key) continue;
                    const date = citation.info.date && toIso(citation.info.date);
                    const issuer = citation.info.issuer && normaliseIssuer(citation.info.issuer);
                    const byForm = forms.get(key) ?? new Map<string, CitedForm>();
                    forms.set(key, byForm);
                    const id = `${date ?? ''}|${issuer ?? ''}`;
                    if (!byForm.has(id)) byForm.set(id, { date, issuer, document, citation });
                }
            }
            this.cited = new Map([...forms].map(([key, byForm]) => [key, [...byForm.values()]]));
        }
        return this.cited.get(raw) ?? [];
    }

    /** The documents whose own số/ký hiệu is `number` (its number, issuer code and type code). */
    ownersOf(number: { number?: number; issuerCode?: string; typeCode?: string }): readonly Owner[] {
        if (!this.owners) {
            this.owners = new Map();
            for (const document of this.documents.all) {
                const own = this.models.digestOf(document).own;
                if (own?.number) push(this.owners, ownerKey(own.number), { document, own });
            }
        }
        return this.owners.get(ownerKey(number)) ?? [];
    }
}

function ownerKey(n: { number?: number; issuerCode?: string; typeCode?: string }): string {
    return `${n.number ?? ''}|${n.issuerCode ?? ''}|${n.typeCode ?? ''}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
