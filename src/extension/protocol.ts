// The language server's requests beyond LSP, as the extension sends them; the types are the server's (erased).
import { RequestType } from 'vscode-languageclient/node';
import type {
    ImportParams,
    ImportResult,
    PreviewParams,
    PreviewResult,
    RenderParams,
    RenderResult,
    StatusResult,
    TemplateParams
} from '../server/thidua-requests.js';

export type { DocxOptions } from '../generate/docx.js';
export type { ImportResult, PreviewResult, RenderResult, StatusResult };

export const Render = new RequestType<RenderParams, RenderResult | null, void>('thidua/render');
export const Preview = new RequestType<PreviewParams, PreviewResult | null, void>('thidua/preview');
export const Status = new RequestType<{ uri: string; version?: number }, StatusResult | null, void>('thidua/status');
export const Template = new RequestType<TemplateParams, string, void>('thidua/template');
export const Import = new RequestType<ImportParams, ImportResult, void>('thidua/import');
