// The drafting page: the editor (Monaco, with its own LSP client) talking to thidua's language server in a Web
// Worker, the document as the official page beside it, and the documents kept in the browser's storage.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/register.all.js';
import { createTransportToWorker, MonacoLspClient } from 'monaco-lsp-client';
import type { ExportFormat } from '../generate/render.js';
import type { Task, TaskResult } from './tasks-worker.js';
import { skeletonDocument, snippetText } from '../language/lsp/thidua-completion-provider.js';
import './page-layout.css';
import {
    currentName,
    documentOfKey,
    documentsToMove,
    freeName,
    loadDocuments,
    saveCurrent,
    saveDocuments,
    type Documents
} from './storage.js';

declare global {
    interface Window {
        MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
        /** What the page's tests read: the editor and its models. */
        thidua?: {
            editor: monaco.editor.IStandaloneCodeEditor;
            open(name: string): void;
            markers(): string[];
            /** When the first findings arrived (ms since the page started loading), and the next ones. */
            firstMarkersAt(): number | undefined;
            nextMarkers(): Promise<void>;
        };
    }
}

window.MonacoEnvironment = { getWorker: () => new Worker('editor.worker.js') };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string) => ($('status').textContent = text);

monaco.languages.register({ id: 'thidua', extensions: ['.thidua'], aliases: ['Thi đua'] });
monaco.languages.setLanguageConfiguration('thidua', {
    brackets: [
        ['[', ']'],
        ['{', '}']
    ],
    autoClosingPairs: [
        { open: '[', close: ']' },
        { open: '{', close: '}' },
        { open: '“', close: '”' }
    ],
    wordPattern: /[\p{L}\p{N}_#@-]+/u
});
monaco.editor.defineTheme('thidua', {
    base: 'vs',
    inherit: true,
    rules: [
        { token: 'keyword', foreground: '0b4f9c', fontStyle: 'bold' },
        { token: 'number', foreground: '0a7a3d' },
        { token: 'type', foreground: '7a3e9d' },
        { token: 'class', foreground: '7a3e9d' },
        { token: 'variable', foreground: '9c4f0b' },
        { token: 'enumMember', foreground: '0a7a3d' }
    ],
    colors: {}
});

const uriOf = (name: string) => monaco.Uri.parse(`file:///thidua/${encodeURIComponent(name)}`);
const year = new Date().getFullYear();

/** As the CLI: a file over 10 MB is not a document a drafter writes. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const tooLarge = (file: File) =>
    `Tệp ${file.name} quá lớn (${(file.size / 1024 / 1024).toFixed(1).replace('.', ',')} MB): trang chỉ mở tệp ` +
    'đến 10 MB.';

const stored: Documents = loadDocuments(localStorage);
/** The documents changed in this tab and not saved yet. */
let dirty = new Set<string>(documentsToMove(localStorage));
function put(name: string, text: string): void {
    stored[name] = text;
    dirty.add(name);
}
if (!Object.keys(stored).length) put('ke-hoach.thidua', snippetText(skeletonDocument('KH', year)));
let current = currentName(localStorage) ?? '';
if (!(current in stored)) current = Object.keys(stored).sort()[0];

const models = new Map<string, monaco.editor.ITextModel>();
function modelOf(name: string, text: string): monaco.editor.ITextModel {
    let model = models.get(name);
    if (!model) {
        model = monaco.editor.createModel(text, 'thidua', uriOf(name));
        model.onDidChangeContent(() => changed(name));
        models.set(name, model);
    }
    return model;
}

// The language server: every model is a document of its folder, so citations link across documents.
new MonacoLspClient(createTransportToWorker(new Worker('worker.js')));
for (const [name, text] of Object.entries(stored)) modelOf(name, text);

const editor = monaco.editor.create($('editor'), {
    model: null,
    theme: 'thidua',
    automaticLayout: true,
    wordWrap: 'on',
    fontSize: 15,
    // A document, not code: a proportional face with every Vietnamese letter precomposed.
    fontFamily: '"Liberation Sans", Arial, "Noto Sans", sans-serif',
    minimap: { enabled: false },
    // Text pasted from a PDF may hold Unicode line separators: kept as they are, without Monaco's English question.
    unusualLineTerminators: 'off',
    'semanticHighlighting.enabled': true,
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On }
});

// Monaco's command palette lists its own commands in English: F1 does not open it in the page.
monaco.editor.addKeybindingRule({ keybinding: monaco.KeyCode.F1, command: '-editor.action.quickCommand' });

// The editor shows the document once the server has it (its first findings, or after 3 s): Monaco's client asks for
// colours and quick fixes of a shown document before it has sent it, and does not ask again.
const show = () => {
    if (!editor.getModel()) editor.setModel(models.get(current)!);
};
const shown = monaco.editor.onDidChangeMarkers(() => {
    shown.dispose();
    show();
});
setTimeout(show, 3000);

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let fromOtherTab = false;
function changed(name: string): void {
    if (fromOtherTab) return;
    put(name, models.get(name)!.getValue());
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 300);
    if (name === current) {
        clearTimeout(previewTimer);
        previewTimer = setTimeout(preview, 250);
    }
}

function save(): void {
    clearTimeout(saveTimer);
    const refused = saveDocuments(localStorage, stored, dirty);
    dirty = new Set(refused);
    saveCurrent(localStorage, current);
    if (refused.length)
        status(
            `Trình duyệt không cho lưu thêm: ${refused.join(', ')} chưa được lưu trong trình duyệt. ` +
                'Hãy tải văn bản đó về máy bằng nút "Lưu .thidua".'
        );
}
// What was typed just before the tab is closed or hidden is saved too.
window.addEventListener('pagehide', save);
document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
});
// Another tab of the page saved a document: this tab shows it (its own unsaved edits of it are kept).
window.addEventListener('storage', event => {
    const name = documentOfKey(event.key);
    if (!name || event.newValue === null || dirty.has(name)) return;
    stored[name] = event.newValue;
    const model = models.get(name);
    fromOtherTab = true;
    try {
        if (!model) modelOf(name, event.newValue);
        else if (model.getValue() !== event.newValue) model.setValue(event.newValue);
    } finally {
        fromOtherTab = false;
    }
    listDocuments();
});

function open(name: string): void {
    current = name;
    editor.setModel(modelOf(name, stored[name] ?? ''));
    listDocuments();
    save();
    preview();
}

function listDocuments(): void {
    const list = $('documents');
    list.replaceChildren(
        ...Object.keys(stored)
            .sort()
            .map(name => {
                const item = document.createElement('button');
                item.textContent = name;
                item.className = name === current ? 'document current' : 'document';
                item.onclick = () => open(name);
                return item;
            })
    );
}

// The preview, the downloads and the import run in a worker of their own, with the CLI's generators and import.
const tasks = new Worker('tasks.js');
const waiting = new Map<number, (result: TaskResult) => void>();
let taskId = 0;
tasks.onmessage = (event: MessageEvent<TaskResult>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
};
function run<K extends Task['kind']>(
    task: Omit<Extract<Task, { kind: K }>, 'id'>
): Promise<Extract<TaskResult, { kind: K }>> {
    const id = ++taskId;
    return new Promise(resolve => {
        waiting.set(id, resolve as (result: TaskResult) => void);
        tasks.postMessage({ ...task, id });
    });
}

/** The page at the width of the pane (an A4 page and its margins are about 860 CSS pixels wide). */
function fitted(html: string): string {
    const zoom = Math.min(1.5, Math.max(0.3, ($('preview').clientWidth - 8) / 860));
    return html.replace('</head>', `<style>html{zoom:${zoom.toFixed(3)}}</style></head>`);
}

let lastHtml = '';
let previewing: Promise<void> | undefined;
let previewAgain = false;
/** The preview of the current document; while one is being made, one more follows it with the latest text. */
async function preview(): Promise<void> {
    if (previewing) {
        previewAgain = true;
        return;
    }
    previewing = (async () => {
        const result = await run<'render'>({ kind: 'render', text: models.get(current)!.getValue(), format: 'html' });
        if (typeof result.output === 'string') {
            lastHtml = result.output;
            ($('preview') as HTMLIFrameElement).srcdoc = fitted(lastHtml);
        }
    })();
    await previewing;
    previewing = undefined;
    if (previewAgain) {
        previewAgain = false;
        await preview();
    }
}
new ResizeObserver(() => {
    if (lastHtml) ($('preview') as HTMLIFrameElement).srcdoc = fitted(lastHtml);
}).observe($('preview'));

// A request the server cancels (a document it has not received yet) is asked again by the editor: not an error.
window.addEventListener('unhandledrejection', event => {
    if ((event.reason as { code?: number } | undefined)?.code === -32802) event.preventDefault();
});

function download(name: string, data: string | Uint8Array, type: string): void {
    const blob = new Blob([data as BlobPart], { type });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

const TYPES: Record<ExportFormat, string> = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    html: 'text/html;charset=utf-8',
    txt: 'text/plain;charset=utf-8'
};

async function exportAs(format: ExportFormat): Promise<void> {
    const name = current;
    const { errors, output } = await run<'render'>({ kind: 'render', text: models.get(name)!.getValue(), format });
    if (errors < 0 || (!errors && output === undefined)) {
        status('Chưa tạo được tệp: công cụ gặp sự cố khi xuất văn bản này (lỗi của công cụ, không phải của văn bản).');
        return;
    }
    if (errors || output === undefined) {
        status(
            `Chưa tải về được: văn bản còn ${errors} lỗi cú pháp (gạch đỏ trong trình soạn thảo). ` +
                'Hãy sửa các lỗi đó rồi tải lại, để không mất chữ nào sau chỗ lỗi.'
        );
        return;
    }
    download(name.replace(/\.thidua$/i, `.${format}`), output, TYPES[format]);
    status(`Đã tạo tệp ${name.replace(/\.thidua$/i, `.${format}`)}.`);
}

function newDocument(kind: 'KH' | 'CT' | 'BC'): void {
    const base = { KH: 'ke-hoach', CT: 'chi-thi', BC: 'bao-cao' }[kind];
    const name = freeName(stored, `${base}-${year}`);
    put(name, snippetText(skeletonDocument(kind, year)));
    open(name);
}

$('new-kh').onclick = () => newDocument('KH');
$('new-ct').onclick = () => newDocument('CT');
$('new-bc').onclick = () => newDocument('BC');
$('docx').onclick = () => void exportAs('docx');
$('html').onclick = () => void exportAs('html');
$('txt').onclick = () => void exportAs('txt');
/** The files of a folder opened with "Mở thư mục…", by document name: "Lưu .thidua" writes back to them. */
interface FileHandle {
    name: string;
    getFile(): Promise<File>;
    createWritable(): Promise<{ write(text: string): Promise<void>; close(): Promise<void> }>;
}
interface FolderHandle {
    name: string;
    entries(): AsyncIterable<[string, FileHandle | FolderHandle]>;
}
const folderFiles = new Map<string, FileHandle>();

$('save').onclick = async () => {
    const file = folderFiles.get(current);
    if (!file) {
        download(current, models.get(current)!.getValue(), 'text/plain;charset=utf-8');
        return;
    }
    try {
        const writable = await file.createWritable();
        await writable.write(models.get(current)!.getValue());
        await writable.close();
        status(`Đã lưu ${current} vào thư mục.`);
    } catch {
        status(`Trình duyệt không cho ghi ${current} vào thư mục: hãy cho phép, hoặc tải tệp về bằng "Lưu .thidua".`);
    }
};

// A folder of the drafter's machine, where the browser allows it (File System Access API): its .thidua files become
// documents of the page, so that citations link to its registry as in VS Code.
const picker = (window as { showDirectoryPicker?: () => Promise<FolderHandle> }).showDirectoryPicker;
if (picker) {
    $('folder').hidden = false;
    $('folder').onclick = async () => {
        let folder: FolderHandle;
        try {
            folder = await picker.call(window);
        } catch {
            return;
        }
        let count = 0;
        for await (const [name, handle] of folder.entries()) {
            if (!('getFile' in handle) || !/\.thidua$/i.test(name)) continue;
            const text = (await (await handle.getFile()).text()).replace(/^\uFEFF/, '');
            // A draft of the same name that is not this file's keeps its text: the file takes a free name.
            const own = folderFiles.get(name) === handle || !(name in stored) || stored[name] === text;
            const as = own ? name : freeName(stored, name);
            put(as, text);
            folderFiles.set(as, handle);
            const model = models.get(as);
            if (model && model.getValue() !== text) model.setValue(text);
            else modelOf(as, text);
            count++;
        }
        if (!count) {
            status(`Thư mục ${folder.name} không có tệp .thidua nào.`);
            return;
        }
        open(Object.keys(stored).find(n => folderFiles.has(n) && !/so-van-ban/i.test(n)) ?? [...folderFiles.keys()][0]);
        status(`Đã mở ${count} văn bản của thư mục ${folder.name}. "Lưu .thidua" ghi lại vào thư mục.`);
    };
}
$('open').onclick = () => $('open-file').click();
$('open-file').onchange = async event => {
    const input = event.target as HTMLInputElement;
    for (const file of Array.from(input.files ?? [])) {
        const name = freeName(stored, file.name);
        if (file.size > MAX_FILE_BYTES) {
            status(tooLarge(file));
            continue;
        }
        put(name, (await file.text()).replace(/^\uFEFF/, ''));
        open(name);
    }
    input.value = '';
};

/** Word files as `thidua import` reads them: mammoth's document tree, the same import, the same repair. */
$('import').onclick = () => $('import-file').click();
$('import-file').onchange = async event => {
    const input = event.target as HTMLInputElement;
    for (const file of Array.from(input.files ?? [])) {
        if (file.size > MAX_FILE_BYTES) {
            status(tooLarge(file));
            continue;
        }
        status(`Đang nhập ${file.name}…`);
        const result = await run<'import'>({ kind: 'import', name: file.name, bytes: await file.arrayBuffer() });
        if (result.failed === 'empty' || result.text === undefined) {
            status(
                result.failed === 'empty'
                    ? `Tệp ${file.name} không có chữ nào để nhập.`
                    : `Tệp ${file.name} không phải tệp Word (.docx) đọc được. Hãy mở bằng Word và lưu lại dạng .docx.`
            );
            continue;
        }
        const name = freeName(stored, file.name.replace(/\.(docx|txt)$/i, ''));
        put(name, result.text);
        open(name);
        status(
            `Đã nhập ${file.name}: ${result.indicators} chỉ tiêu, ${result.citations} trích dẫn. ` +
                'Hãy đọc lại văn bản và xem các chỗ được gạch dưới.'
        );
    }
    input.value = '';
};

let firstMarkersAt: number | undefined;
monaco.editor.onDidChangeMarkers(() => (firstMarkersAt ??= performance.now()));

window.thidua = {
    editor,
    open,
    firstMarkersAt: () => firstMarkersAt,
    nextMarkers: () =>
        new Promise(resolve => {
            const next = monaco.editor.onDidChangeMarkers(() => {
                next.dispose();
                resolve();
            });
        }),
    markers: () => monaco.editor.getModelMarkers({ resource: uriOf(current) }).map(m => m.message)
};
listDocuments();
void preview();
status('Sẵn sàng. Văn bản được lưu trong trình duyệt này; không gửi đi đâu.');
