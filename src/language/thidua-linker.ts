import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { referencesOf } from './thidua-reference-description-provider.js';
import { isValue } from './generated/ast.js';

/** Unresolved references explained in Vietnamese; linking visits only the nodes that can hold a reference. */
export class ThiduaLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const refs = referencesOf(document.parseResult.value);
        for (let i = 0; i < refs.length; i++) {
            if (i % 512 === 0) await interruptAndCheck(cancelToken);
            this.doLink(refs[i], document);
        }
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: unknown): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription as never);
        const text = refInfo.reference.$refText;
        error.message = isValue(refInfo.container)
            ? `Chưa có chỉ tiêu nào mang mã "#${text}" trong thư mục. Hãy sửa lại mã, hoặc đặt mã cho chỉ tiêu bằng {#${text} …}.`
            : `Văn bản số ${text} chưa có trong sổ văn bản của thư mục. `
                + 'Hãy thêm nó vào tệp sổ văn bản (dòng "- [Loại số … ngày … của …] về …") hoặc sửa số, ký hiệu cho đúng.';
        return error;
    }
}
