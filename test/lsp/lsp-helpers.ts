import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { workspace } from '../helpers.js';
import type { Model } from '../../src/language/generated/ast.js';

/** A workspace whose main text marks the cursor with <|>. */
export async function withCursor(text: string, files: Record<string, string> = {}) {
    const at = text.indexOf('<|>');
    const clean = text.replace('<|>', '');
    const ws = await workspace({ 'doc.thidua': clean, ...files });
    const doc = ws.docs.get('doc.thidua')!;
    const position: Position = doc.textDocument.positionAt(at < 0 ? 0 : at);
    return { ...ws, doc, position, textDocument: { uri: doc.uri.toString() } };
}

export function positionOf(doc: LangiumDocument<Model>, needle: string, delta = 0): Position {
    const i = doc.textDocument.getText().indexOf(needle);
    if (i < 0) throw new Error(`no "${needle}"`);
    return doc.textDocument.positionAt(i + delta);
}
