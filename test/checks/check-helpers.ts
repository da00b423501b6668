import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, type TextEdit } from 'vscode-languageserver';
import { expect, test } from 'vitest';
import { drafterProblems } from '../drafter-text.js';
import { codeOf, workspace } from '../helpers.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'correct');
export const KE_HOACH = readFileSync(join(FIX, 'ke-hoach-chuan.thidua'), 'utf8');
export const CHI_THI = readFileSync(join(FIX, 'chi-thi-chuan.thidua'), 'utf8');
export const REGISTRY = readFileSync(join(FIX, 'so-van-ban.thidua'), 'utf8');

/** Replaces exactly one occurrence of `from` (fails loudly when the base text changes). */
export function edit(base: string, from: string, to: string): string {
    const i = base.indexOf(from);
    if (i < 0 || base.indexOf(from, i + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
    return base.slice(0, i) + to + base.slice(i + from.length);
}

export interface Checked {
    text: string;
    diagnostics: Diagnostic[];
    /** The source text each diagnostic covers. */
    covered(d: Diagnostic): string;
    /** Applies the n-th quick fix of a diagnostic and returns the resulting texts by file name. */
    fix(d: Diagnostic, n?: number): Promise<Record<string, string>>;
}

/** Checks `text` as doc.thidua, in a workspace with the registry (unless `files` says otherwise). */
export async function check(
    text: string,
    files: Record<string, string> = { 'so-van-ban.thidua': REGISTRY }
): Promise<Checked> {
    const { docs, services } = await workspace({ 'doc.thidua': text, ...files });
    const doc = docs.get('doc.thidua')!;
    for (const d of doc.diagnostics ?? []) assertDrafterFacing(d);
    const td = TextDocument.create('x', 'thidua', 0, text);
    return {
        text,
        diagnostics: doc.diagnostics ?? [],
        covered: d => td.getText(d.range),
        async fix(d, n = 0) {
            const actions = await services.Thidua.lsp.CodeActionProvider!.getCodeActions(doc, {
                textDocument: { uri: doc.uri.toString() },
                range: d.range,
                context: { diagnostics: [d] }
            });
            const action = (actions ?? [])[n];
            if (!action || !('edit' in action) || !action.edit?.changes) throw new Error('no quick fix');
            const out: Record<string, string> = {};
            for (const [uri, edits] of Object.entries(action.edit.changes)) {
                const target = [...docs.entries()].find(([, x]) => x.uri.toString() === uri)!;
                out[target[0]] = TextDocument.applyEdits(
                    TextDocument.create(uri, 'thidua', 0, target[1].textDocument.getText()),
                    edits as TextEdit[]
                );
            }
            return out;
        }
    };
}

export { codeOf };

/**
 * Every finding of every rule case, as a drafter sees it: no rule code in `code` (editors show it), a readable
 * source, and no path, rule code or English in its message, related notes and fix titles.
 */
export function assertDrafterFacing(d: Diagnostic): void {
    const fixes = (d.data as { fixes?: { title: string }[] } | undefined)?.fixes ?? [];
    const texts = [
        Diagnostic.getMessageString(d),
        ...(d.relatedInformation ?? []).map(r => r.message),
        ...fixes.map(f => f.title)
    ];
    const problems = texts.flatMap(drafterProblems);
    if (d.code !== undefined) problems.push(`visible code "${d.code}"`);
    if (d.source !== 'Thi đua') problems.push(`source "${d.source}"`);
    if (problems.length) throw new Error(`not for a drafter (${codeOf(d)}): ${problems.join('; ')}`);
}

export function one(c: Checked, code: string): Diagnostic {
    const found = c.diagnostics.filter(d => codeOf(d) === code);
    if (found.length !== 1)
        throw new Error(
            `expected one ${code}, got ${found.length}: ${c.diagnostics.map(d => `${codeOf(d)} ${d.message}`).join(' | ')}`
        );
    return found[0];
}

/**
 * A rule case: a text that breaks the rule once, what the finding covers and says, and the text after its first fix.
 */
export interface RuleCase {
    name: string;
    code: string;
    text: string;
    files?: Record<string, string>;
    severity: number;
    /** The source text the diagnostic's range covers. */
    covered: string;
    message: RegExp;
    /** The text after the first quick fix (of doc.thidua unless `fixFile`). */
    fixed?: string;
    fixFile?: string;
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/** A text of a case in `cases/*.json`: a correct fixture, with replacements made in order (each once in the text). */
interface CaseText {
    base: string;
    edits?: [string, string][];
}

/**
 * The cases of `cases/<name>.json` (a data file: one object per case, the texts as edits of the correct fixtures,
 * the message as a regular expression's source).
 */
export function ruleCases(name: string): RuleCase[] {
    type Raw = Omit<RuleCase, 'text' | 'files' | 'fixed' | 'severity' | 'message'> & {
        text: CaseText;
        files?: Record<string, CaseText>;
        fixed?: CaseText;
        severity: string;
        message: string;
        flags?: string;
    };
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, 'cases', `${name}.json`), 'utf8')) as Raw[];
    const textOf = (t: CaseText) =>
        (t.edits ?? []).reduce((text, [from, to]) => edit(text, from, to), readFileSync(join(FIX, t.base), 'utf8'));
    return raw.map(c => ({
        ...c,
        severity: SEVERITY[c.severity],
        message: new RegExp(c.message, c.flags),
        text: textOf(c.text),
        files: c.files && Object.fromEntries(Object.entries(c.files).map(([f, t]) => [f, textOf(t)])),
        fixed: c.fixed && textOf(c.fixed)
    }));
}

/** One test per case: exactly one finding of the rule, its severity, range, Vietnamese NFC message and fix. */
export function testRuleCases(cases: RuleCase[]): void {
    for (const c of cases) {
        test(`${c.code}: ${c.name}`, async () => {
            const checked = await check(c.text, c.files);
            const d = one(checked, c.code);
            expect(d.severity).toBe(c.severity);
            expect(checked.covered(d)).toBe(c.covered);
            const message = Diagnostic.getMessageString(d);
            expect(message).toMatch(c.message);
            expect(message).toBe(message.normalize('NFC'));
            expect(message).not.toMatch(/src\/|\.json|\.ts\b/);
            if (c.fixed !== undefined) expect((await checked.fix(d))[c.fixFile ?? 'doc.thidua']).toBe(c.fixed);
        });
    }
}
