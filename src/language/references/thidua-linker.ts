import {
    Cancellation,
    DefaultLinker,
    interruptAndCheck,
    type AstNodeDescription,
    type LangiumDocument,
    type LinkingError,
    type ReferenceInfo
} from 'langium';
import { parseCitation, sameIssuer } from '../../domain/citation.js';
import { referencesOf } from './thidua-reference-description-provider.js';
import { isCitation, isRegistryEntry, isValue } from '../generated/ast.js';

/** Unresolved references explained in Vietnamese; linking visits only the nodes that can hold a reference. */
export class ThiduaLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const refs = referencesOf(document.parseResult.value);
        for (let i = 0; i < refs.length; i++) {
            if (i % 512 === 0) await interruptAndCheck(cancelToken);
            this.doLink(refs[i], document);
        }
    }

    /** Two issuers may number documents alike ("146/KH-UBND"): the registry entry of the cited issuer is chosen. */
    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        const container = refInfo.container;
        if (!isCitation(container) || !container.tail) return super.getCandidate(refInfo);
        // Most numbers are in the folder once: the citation is read only when there is a choice.
        const all = this.scopeProvider.getScope(refInfo).getElements(refInfo.reference.$refText).toArray();
        // Looked up once: what Langium's candidate would look up again (the first of them).
        if (all.length < 2) return all[0] ?? this.createLinkingError(refInfo);
        const issuer = parseCitation(container.head, refInfo.reference.$refText, container.tail).issuer;
        if (!issuer) return super.getCandidate(refInfo);
        const same = all.find(d => {
            const node = this.loadAstNode(d);
            const entry = node && isRegistryEntry(node) ? parseCitation(node.head, d.name, node.tail) : undefined;
            return entry?.issuer !== undefined && sameIssuer(entry.issuer, issuer);
        });
        return same ?? all[0];
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: unknown): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription as never);
        const text = refInfo.reference.$refText;
        error.message = isValue(refInfo.container)
            ? `Chưa có chỉ tiêu nào mang mã "#${text}" trong thư mục. Hãy sửa lại mã, hoặc đặt mã cho chỉ tiêu bằng {#${text} …}.`
            : `Văn bản số ${text} chưa có trong sổ văn bản của thư mục. ` +
              'Hãy thêm nó vào tệp sổ văn bản (dòng "- [Loại số … ngày … của …] về …") hoặc sửa số, ký hiệu cho đúng.';
        return error;
    }
}
