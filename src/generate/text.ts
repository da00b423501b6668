import { inlineSource, lineSource, plainText } from '../language/ast-text.js';
import {
    isDocument, isKhoan, isSection, isSubKhoan,
    type BodyItem, type Document, type Model, type Paragraph, type RegistryDoc, type SubKhoan
} from '../language/generated/ast.js';

/** The plain text of a document, one paragraph per block, as it reads on paper. Pure: AST in, text out. */
export function generateText(model: Model): string {
    return (isDocument(model) ? documentBlocks(model) : registryBlocks(model)).join('\n\n') + '\n';
}

function documentBlocks(doc: Document): string[] {
    const blocks: string[] = [];
    const header = doc.headerLines.map(h => (h.agency ?? h.quocHieu ?? h.tieuNgu ?? '').trim());
    if (header.length) blocks.push(header.join('\n'));
    if (doc.numberLine) blocks.push(doc.numberLine.trim());
    if (doc.placeDate) blocks.push(doc.placeDate.trim());
    if (doc.kind) blocks.push(doc.kind.trim());
    if (doc.subject) blocks.push(paragraphText(doc.subject));
    for (const item of doc.body) bodyBlocks(item, blocks);
    if (doc.noiNhan) {
        blocks.push(['Nơi nhận:', ...doc.noiNhan.items.map(i => plainText(lineSource(i)).trim())].join('\n'));
    }
    if (doc.signature) {
        const s = doc.signature;
        for (const note of s.notes) blocks.push(plainText(note.text).trim());
        const lines = [...s.authorities.map(a => a.trim()), ...s.titles.map(t => t.trim())];
        blocks.push(lines.join('\n'));
        if (s.signer) blocks.push(plainText(s.signer).trim());
    }
    return blocks;
}

function bodyBlocks(item: BodyItem | SubKhoan, blocks: string[]): void {
    if (isSection(item) || isKhoan(item) || isSubKhoan(item)) {
        blocks.push(plainText(lineSource(item)).trim());
        for (const child of item.items) bodyBlocks(child, blocks);
    } else {
        blocks.push(paragraphText(item));
    }
}

function paragraphText(p: Paragraph): string {
    return plainText(lineSource(p)).trim();
}

function registryBlocks(reg: RegistryDoc): string[] {
    return [reg.title.trim(), reg.entries.map(e => {
        const cited = plainText((e.head ?? '') + (e.number ?? '') + (e.tail ?? ''));
        return `${e.bullet ?? '- '}${cited}${plainText(inlineSource(e.parts))}`.trim();
    }).join('\n')];
}
