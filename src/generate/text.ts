import { completeRoot, inlineSource, plainText } from '../language/syntax/ast-text.js';
import { isDocument, isRegistryDoc, type Model, type RegistryDoc } from '../language/generated/ast.js';
import { layout, layoutLines, type Block, type Line } from './layout.js';

const GROUPED = new Set(['noi-nhan', 'quyen-han', 'chuc-vu', 'chu-quan', 'ban-hanh', 'quoc-hieu', 'tieu-ngu']);

/**
 * The plain text of a document as it reads on paper, one paragraph per block; the page's fixed lines
 * (Quốc hiệu, Tiêu ngữ) only where the source writes them. Pure: AST in, text out.
 */
export function generateText(model: Model): string {
    completeRoot(model);
    if (isRegistryDoc(model)) return registryText(model);
    // A root that recovery left without a type has no text of its own.
    if (!isDocument(model)) return '';
    const page = layout(model);
    const lines = layoutLines(page).filter(l => !l.implied);
    const out: string[] = [];
    lines.forEach((l: Line, i) => {
        const prev = lines[i - 1];
        const sameGroup =
            prev &&
            GROUPED.has(l.role) &&
            (GROUPED.has(prev.role) || prev.role === 'noi-nhan-tieu-de') &&
            (l.role === 'noi-nhan') === (prev.role === 'noi-nhan' || prev.role === 'noi-nhan-tieu-de');
        if (i > 0) out.push(sameGroup ? '\n' : '\n\n');
        const table = (l as Block).table;
        // A table: one line per row, its cells separated by tabs (joined cells are written once).
        out.push(table ? table.rows.map(r => r.cells.map(c => c.text).join('\t')).join('\n') : l.text);
    });
    // Footnotes after the text, each with its number.
    const notes = page.footnotes.map(f => `${f.number} ${f.text}`);
    return out.join('') + (notes.length ? `\n\n${notes.join('\n')}` : '') + '\n';
}

function registryText(reg: RegistryDoc): string {
    const entries = reg.entries.map(e => {
        const cited = plainText((e.head ?? '') + (e.number ?? '') + (e.tail ?? ''));
        return `${e.bullet ?? '- '}${cited}${plainText(inlineSource(e.parts))}`.trim();
    });
    return [reg.title.trim(), entries.join('\n')].join('\n\n') + '\n';
}
