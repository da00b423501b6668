import {
    Cancellation,
    DefaultDocumentValidator,
    interruptAndCheck,
    type AstNode,
    type DiagnosticInfo,
    type LangiumDocument,
    type ValidationAcceptor,
    type ValidationCheck,
    type ValidationOptions,
    type ValidationSeverity
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { nodesOf } from '../syntax/ast-walk.js';
import { isCitation } from '../generated/ast.js';

/** What editors show as the origin of a diagnostic. */
export const THIDUA_SOURCE = 'Thi đua';

/**
 * A citation whose number is not in the registry is not a broken document: the citation check reports it
 * as information with a quick fix that adds it to the registry. Other unresolved references stay errors.
 *
 * The nodes are visited by one plain walk with the checks of each type looked up once; a check is awaited
 * only when it returns a promise (Langium's default awaits every node and every check).
 *
 * Diagnostics carry their rule code in `data.code`, not in `code`: editors show `source(code)` to the drafter,
 * and a rule code means nothing to a drafter. The source reads "Thi đua".
 */
export class ThiduaDocumentValidator extends DefaultDocumentValidator {
    protected override toDiagnostic<N extends AstNode>(
        severity: ValidationSeverity,
        message: string,
        info: DiagnosticInfo<N, string>
    ): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        if (diagnostic.code === undefined) return diagnostic;
        const { code, ...rest } = diagnostic;
        const data = diagnostic.data as { code?: unknown } | undefined;
        return { ...rest, data: { ...data, code: data?.code ?? code } };
    }

    protected override getSource(): string {
        return THIDUA_SOURCE;
    }

    protected override processLinkingErrors(
        document: LangiumDocument,
        diagnostics: Diagnostic[],
        options: ValidationOptions
    ): void {
        const before = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const added = diagnostics.splice(before);
        const citations = new Set(
            document.references.filter(r => r.error && isCitation(r.error.info.container)).map(r => r.$refNode?.offset)
        );
        diagnostics.push(...added.filter(d => !citations.has(document.textDocument.offsetAt(d.range.start))));
    }

    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        const nodes = nodesOf(rootNode);
        for (let i = 0; i < nodes.length; i++) {
            if (i % 256 === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            let checks = checksOf.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksOf.set(node.$type, checks);
            }
            for (let k = 0; k < checks.length; k++) {
                const result = checks[k](node, acceptor, cancelToken);
                if (result) await result;
            }
        }
    }
}
