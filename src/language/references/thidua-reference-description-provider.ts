import {
    Cancellation,
    DefaultReferenceDescriptionProvider,
    isReference,
    interruptAndCheck,
    type AstNode,
    type LangiumDocument,
    type ReferenceDescription,
    type ReferenceInfo
} from 'langium';
import { shared } from '../../domain/memo.js';
import { nodesOf } from '../syntax/ast-walk.js';
import { packSegment } from '../syntax/segments.js';
import { Citation, Value } from '../generated/ast.js';

/**
 * The references of a tree in document order, as AstUtils.streamReferences gives them: the grammar has two,
 * a citation's number and a value's "@id", read directly.
 */
export function referencesOf(root: AstNode): ReferenceInfo[] {
    const out: ReferenceInfo[] = [];
    for (const node of nodesOf(root)) {
        if (node.$type === Citation.$type) {
            const reference = (node as Citation).number;
            if (isReference(reference)) out.push({ reference, container: node, property: 'number' });
        } else if (node.$type === Value.$type) {
            const reference = (node as Value).indicator;
            if (isReference(reference)) out.push({ reference, container: node, property: 'indicator' });
        }
    }
    return out;
}

/** Indexes the references of a document (for find references and rename) without walking every node. */
export class ThiduaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<ReferenceDescription[]> {
        const out: ReferenceDescription[] = [];
        const refs = referencesOf(document.parseResult.value);
        for (let i = 0; i < refs.length; i++) {
            if (i % 512 === 0) await interruptAndCheck(cancelToken);
            if (!refs[i].reference.error) out.push(...this.createInfoDescriptions(refs[i]));
        }
        return out;
    }

    // Kept for the whole folder: its texts shared, its segment packed (as the index's names are).
    override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        return super.createInfoDescriptions(refInfo).map(d => ({
            ...d,
            sourcePath: shared(d.sourcePath),
            targetPath: shared(d.targetPath),
            segment: packSegment(d.segment)!
        }));
    }
}
