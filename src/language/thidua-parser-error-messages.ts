import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

const TOKEN_WORDS: Record<string, string> = {
    NL: 'hết dòng',
    NL_IN_CITATION: 'hết dòng',
    NL_IN_VALUE: 'hết dòng',
    ']': 'dấu "]" đóng trích dẫn văn bản',
    '[': 'dấu "[" mở trích dẫn văn bản',
    '}': 'dấu "}" đóng giá trị',
    '{': 'dấu "{" mở giá trị',
    TEXT: 'nội dung',
    CAPS_LINE: 'dòng chữ in hoa (chức vụ người ký, ví dụ CHỦ TỊCH)',
    BULLET: 'gạch đầu dòng "-"',
    NOI_NHAN: 'dòng "Nơi nhận:"',
    DOC_NUMBER: 'số, ký hiệu văn bản (ví dụ 12/CT-UBND hoặc 34-CT/TW)',
    CITE_TEXT: 'tên loại văn bản',
    VALUE_TEXT: 'nội dung giá trị',
    KIND_LINE: 'tên loại văn bản (CHỈ THỊ, KẾ HOẠCH, BÁO CÁO)',
    REGISTRY_TITLE: 'dòng tiêu đề "SỔ VĂN BẢN"'
};

function describe(t: TokenType): string {
    return TOKEN_WORDS[t.name] ?? t.name;
}

function found(token: IToken): string {
    if (!token.image || token.tokenType.name === 'EOF') return 'hết văn bản';
    if (/^\r?\n/.test(token.image)) return 'hết dòng';
    const image = token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image;
    return `"${image}"`;
}

/** An opening bracket the parser could not use is one that is never closed on its line. */
function unclosedMessage(token: IToken): string | undefined {
    if (token.image === '[') return 'Trích dẫn văn bản mở bằng "[" nhưng chưa đóng: hãy thêm "]" ở cuối trích dẫn, trên cùng dòng.';
    if (token.image === '{') return 'Giá trị mở bằng "{" nhưng chưa đóng: hãy thêm "}" ở cuối giá trị, trên cùng dòng.';
    return undefined;
}

/** Parser errors in Vietnamese. */
export class ThiduaParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        const unclosed = unclosedMessage(options.actual);
        if (unclosed) return unclosed;
        const hint = options.expected.name === ']' ? ' Hãy đóng trích dẫn bằng "]" trên cùng dòng.'
            : options.expected.name === '}' ? ' Hãy đóng giá trị bằng "}" trên cùng dòng.' : '';
        return `Cần ${describe(options.expected)} nhưng gặp ${found(options.actual)}.${hint}`;
    }
    buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `Không đọc được phần văn bản từ ${found(options.firstRedundant)}: dòng này không thuộc phần nào của văn bản. `
            + 'Sau "Nơi nhận:" chỉ có các dòng "- …" rồi khối chữ ký (chức vụ in hoa, họ tên).';
    }
    buildNoViableAltMessage(options: { actual: IToken[] }): string {
        const token = options.actual[0];
        const unclosed = token && unclosedMessage(token);
        if (unclosed) return unclosed;
        return `Dòng này chưa đúng cấu trúc văn bản ở ${token ? found(token) : 'đây'}.`;
    }
    buildEarlyExitMessage(options: { actual: IToken[] }): string {
        const token = options.actual[0];
        return `Thiếu nội dung trước ${token ? found(token) : 'đây'}.`;
    }
}
