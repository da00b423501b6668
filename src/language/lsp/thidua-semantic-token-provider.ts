import { GrammarUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { findDates } from '../../domain/dates.js';
import { VI_NUMBER_SOURCE } from '../../domain/numbers.js';
import {
    isCitation,
    isDocument,
    isKhoan,
    isParagraph,
    isRecipient,
    isRegistryEntry,
    isSection,
    isSignature,
    isSubKhoan,
    isValue
} from '../generated/ast.js';
import type { ThiduaDocumentModel } from '../model/thidua-document-model.js';
import type { ThiduaServices } from '../thidua-module.js';

const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${VI_NUMBER_SOURCE})(?![\\p{L}\\p{N}])`, 'gu');

/** Colours: markers and header lines, citations (type and number), numbers, units, dates, agencies, ids. */
export class ThiduaSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly models: ThiduaDocumentModel;
    constructor(services: ThiduaServices) {
        super(services);
        this.models = services.model.DocumentModel;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isDocument(node)) {
            for (const p of ['numberLine', 'placeDate', 'kind'] as const)
                if (node[p]) acceptor({ node, property: p, type: SemanticTokenTypes.keyword });
        } else if (isSection(node) || isKhoan(node) || isSubKhoan(node)) {
            acceptor({ node, property: 'mark', type: SemanticTokenTypes.keyword });
        } else if (isParagraph(node) && node.mark) {
            acceptor({ node, property: 'mark', type: SemanticTokenTypes.keyword });
        } else if (isCitation(node) || isRegistryEntry(node)) {
            if (node.head) acceptor({ node, property: 'head', type: SemanticTokenTypes.type });
            if (node.number) acceptor({ node, property: 'number', type: SemanticTokenTypes.class });
            this.dates(node, 'tail', node.tail, acceptor);
        } else if (isValue(node)) {
            if (node.id) acceptor({ node, property: 'id', type: SemanticTokenTypes.variable, modifier: 'declaration' });
            if (node.indicator) acceptor({ node, property: 'indicator', type: SemanticTokenTypes.variable });
            this.value(node, acceptor);
        } else if (isRecipient(node)) {
            acceptor({ node, property: 'bullet', type: SemanticTokenTypes.operator });
        } else if (isSignature(node)) {
            if (node.authorities.length) acceptor({ node, property: 'authorities', type: SemanticTokenTypes.keyword });
        }
    }

    private value(node: import('../generated/ast.js').Value, acceptor: SemanticTokenAcceptor): void {
        const text = node.text ?? '';
        const leaf = GrammarUtils.findNodeForProperty(node.$cstNode, 'text');
        if (!leaf) return;
        const doc = this.currentDocument!.textDocument;
        const at = (start: number, length: number, type: string) =>
            acceptor({
                range: {
                    start: doc.positionAt(leaf.offset + start),
                    end: doc.positionAt(leaf.offset + start + length)
                },
                type
            });
        const dates = findDates(text);
        for (const d of dates) at(d.offset, d.length, SemanticTokenTypes.number);
        NUMBER.lastIndex = 0;
        for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
            if (dates.some(d => m!.index >= d.offset && m!.index < d.offset + d.length)) continue;
            at(m.index, m[0].length, SemanticTokenTypes.number);
        }
        const v = this.models.get(node).valueOf.get(node);
        if (v?.type === 'indicator') {
            for (const t of [...v.parts, ...v.sub]) {
                if (!t.unit || !t.unitInfo) continue;
                const i = text.indexOf(t.unit, Math.max(0, text.indexOf(t.raw.trim())));
                if (i >= 0) at(i, t.unit.length, SemanticTokenTypes.enumMember);
            }
        }
    }

    private dates(node: AstNode, property: string, text: string | undefined, acceptor: SemanticTokenAcceptor): void {
        const leaf = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        if (!leaf || !text) return;
        const doc = this.currentDocument!.textDocument;
        for (const d of findDates(text)) {
            acceptor({
                range: {
                    start: doc.positionAt(leaf.offset + d.offset),
                    end: doc.positionAt(leaf.offset + d.offset + d.length)
                },
                type: SemanticTokenTypes.number
            });
        }
    }
}
