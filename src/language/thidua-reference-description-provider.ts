import { AstUtils, DefaultReferenceDescriptionProvider, interruptAndCheck, type AstNode, type LangiumDocument, type ReferenceDescription, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { nodesOf } from './ast-walk.js';
import { Citation, Value } from './generated/ast.js';

/** The references of a tree in document order: only citations and { @id … } values can hold one. */
export function referencesOf(root: AstNode): ReferenceInfo[] {
    const out: ReferenceInfo[] = [];
    for (const node of nodesOf(root)) {
        if (node.$type === Citation.$type || node.$type === Value.$type) AstUtils.streamReferences(node).forEach(ref => { out.push(ref); });
    }
    return out;
}

/** Indexes the references of a document (for find references and rename) without walking every node. */
export class ThiduaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const out: ReferenceDescription[] = [];
        const refs = referencesOf(document.parseResult.value);
        for (let i = 0; i < refs.length; i++) {
            if (i % 512 === 0) await interruptAndCheck(cancelToken);
            if (!refs[i].reference.error) out.push(...this.createInfoDescriptions(refs[i]));
        }
        return out;
    }
}
