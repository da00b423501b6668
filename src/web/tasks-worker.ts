// The page's second worker: the preview, the downloads and the import run here with the CLI's generators and import,
// so that a long document or a large Word file never freezes the editor.
import { EmptyFileSystem, URI } from 'langium';
import { render, syntaxErrorCount, type ExportFormat } from '../generate/render.js';
import type { Model } from '../language/generated/ast.js';
import { createThiduaCoreServices } from '../language/thidua-module.js';
import { importLines, importText } from '../import/import.js';
import { finishImport } from '../import/repair.js';
import { wordLines } from '../import/word.js';

export type Task =
    | { id: number; kind: 'render'; text: string; format: ExportFormat }
    | { id: number; kind: 'import'; name: string; bytes: ArrayBuffer };

export type TaskResult =
    | { id: number; kind: 'render'; errors: number; output?: string | Uint8Array }
    | { id: number; kind: 'import'; text?: string; indicators: number; citations: number; failed?: 'empty' | 'unread' };

interface WorkerScope {
    onmessage: ((event: { data: Task }) => void) | null;
    postMessage(message: TaskResult): void;
}
declare const self: WorkerScope;

const { shared, Thidua } = createThiduaCoreServices(EmptyFileSystem);
let parsed = 0;

async function renderTask(task: Extract<Task, { kind: 'render' }>): Promise<TaskResult> {
    const uri = URI.parse(`memory:///ban-xem-truoc/${++parsed}.thidua`);
    const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(task.text, uri);
    shared.workspace.LangiumDocuments.addDocument(doc);
    try {
        await shared.workspace.DocumentBuilder.build([doc], { validation: false });
        const errors = syntaxErrorCount(doc.parseResult);
        // A document with syntax errors is shown, not exported: words after an error could be lost.
        if (errors && task.format !== 'html') return { id: task.id, kind: 'render', errors };
        return { id: task.id, kind: 'render', errors, output: await render(doc.parseResult.value, task.format) };
    } finally {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}

async function importTask(task: Extract<Task, { kind: 'import' }>): Promise<TaskResult> {
    const none = { id: task.id, kind: 'import' as const, indicators: 0, citations: 0 };
    let result;
    try {
        if (/\.docx$/i.test(task.name)) {
            const { default: mammoth } = await import('mammoth');
            let tree: unknown;
            const options = { transformDocument: (d: unknown) => (tree = d) };
            await mammoth.convertToHtml({ arrayBuffer: task.bytes } as never, options as never);
            result = importLines({ lines: wordLines(tree as never), chrome: 0 });
        } else result = importText(new TextDecoder().decode(task.bytes).replace(/^\uFEFF/, ''));
    } catch {
        return { ...none, failed: 'unread' };
    }
    if (!/[\p{L}\p{N}]/u.test(result.text)) return { ...none, failed: 'empty' };
    const text = finishImport(result.text, Thidua).text;
    return { ...none, text, indicators: result.stats.indicators, citations: result.stats.citations };
}

self.onmessage = event => {
    const task = event.data;
    void (task.kind === 'render' ? renderTask(task) : importTask(task)).then(
        result => self.postMessage(result),
        () =>
            self.postMessage(
                task.kind === 'render'
                    ? { id: task.id, kind: 'render', errors: -1 }
                    : { id: task.id, kind: 'import', indicators: 0, citations: 0, failed: 'unread' }
            )
    );
};
