import { Packer } from 'docx';
import type { Model } from '../language/generated/ast.js';
import { generateDocx, type DocxOptions } from './docx.js';
import { generateHtml } from './html.js';
import { generateText } from './text.js';

export type ExportFormat = 'docx' | 'html' | 'txt';

/** The output of one document in one format (pure apart from docx packing, in memory: in Node and in a browser). */
export async function render(
    root: Model,
    format: ExportFormat,
    options: DocxOptions = {}
): Promise<string | Uint8Array> {
    if (format === 'docx') return new Uint8Array(await Packer.toArrayBuffer(generateDocx(root, options)));
    if (format === 'html') return generateHtml(root);
    return generateText(root);
}

/** Lexer and parser errors: a document that has any is not exported (words after the error could be lost). */
export function syntaxErrorCount(result: { lexerErrors: unknown[]; parserErrors: unknown[] }): number {
    return result.lexerErrors.length + result.parserErrors.length;
}
