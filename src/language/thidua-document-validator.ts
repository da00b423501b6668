import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isCitation } from './generated/ast.js';

/**
 * A citation whose number is not in the registry is not a broken document: the citation check reports it
 * as information with a quick fix that adds it to the registry. Other unresolved references stay errors.
 */
export class ThiduaDocumentValidator extends DefaultDocumentValidator {
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const added = diagnostics.splice(before);
        const citations = new Set(document.references.filter(r => r.error && isCitation(r.error.info.container)).map(r => r.$refNode?.offset));
        diagnostics.push(...added.filter(d => !citations.has(document.textDocument.offsetAt(d.range.start))));
    }
}
