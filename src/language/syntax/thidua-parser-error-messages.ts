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
    REGISTRY_TITLE: 'dòng tiêu đề "SỔ VĂN BẢN"',
    QUOC_HIEU: 'Quốc hiệu',
    TIEU_NGU: 'Tiêu ngữ',
    NUMBER_LINE: 'dòng số, ký hiệu ("Số: …")',
    PLACE_DATE_LINE: 'dòng địa danh, ngày tháng',
    SIGN_AUTHORITY: 'dòng quyền hạn người ký (TM., KT., TL.)',
    ANNEX_LINE: 'tên phụ lục ("PHỤ LỤC")',
    ROMAN: 'số mục (I., II.)',
    NUM1: 'số khoản (1., 2.)',
    NUM2: 'số khoản (1.1.)',
    PAREN_MARK: 'số thứ tự "1)"',
    LETTER_MARK: 'điểm "a)"',
    RULE_LINE: 'dòng kẻ',
    '|': 'dòng của bảng ("| … |")',
    ATTACHMENT_TITLE: 'tên văn bản kèm theo (Quy định, Danh sách …)',
    ANNEX_AGENCY: 'tên cơ quan ở đầu văn bản kèm theo',
    ABOUT_LINE: 'dòng trích yếu công văn ("V/v …")',
    SIGNED_NOTE: 'ghi chú "(Đã ký)"',
    VALUE_ID: 'mã chỉ tiêu "#…"',
    VALUE_REF: 'tham chiếu chỉ tiêu "@…"',
    COMMENT: 'dòng ghi chú "//"',
    WS: 'dấu cách',
    EOF: 'hết văn bản'
};

/** What a line that starts with a token of this kind is, for a drafter. */
const LINE_KINDS: Record<string, string> = {
    KIND_LINE: 'tên loại văn bản',
    QUOC_HIEU: 'Quốc hiệu',
    TIEU_NGU: 'Tiêu ngữ',
    NUMBER_LINE: 'dòng số, ký hiệu',
    PLACE_DATE_LINE: 'dòng địa danh, ngày tháng',
    NOI_NHAN: 'dòng "Nơi nhận:"',
    SIGN_AUTHORITY: 'dòng quyền hạn người ký',
    CAPS_LINE: 'dòng chữ in hoa',
    ROMAN: 'một mục',
    NUM1: 'một khoản',
    NUM2: 'một khoản',
    PAREN_MARK: 'một dòng đánh số',
    LETTER_MARK: 'một điểm',
    BULLET: 'một dòng gạch đầu dòng',
    '|': 'một dòng của bảng',
    TEXT: 'một đoạn văn',
    ANNEX_LINE: 'tên phụ lục',
    RULE_LINE: 'một dòng kẻ',
    REGISTRY_TITLE: 'tiêu đề sổ văn bản',
    '[': 'một đoạn văn',
    '{': 'một đoạn văn'
};

/** A token's kind in words; never its name in the grammar. */
export function describe(t: TokenType): string {
    return TOKEN_WORDS[t.name] ?? 'phần tiếp theo của văn bản';
}

function found(token: IToken): string {
    if (!token.image || token.tokenType.name === 'EOF') return 'hết văn bản';
    if (/^\r?\n/.test(token.image)) return 'hết dòng';
    const image = token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image;
    return `"${image}"`;
}

/** An opening bracket the parser could not use is one that is never closed on its line. */
function unclosedMessage(token: IToken): string | undefined {
    if (token.image === '[')
        return 'Trích dẫn văn bản mở bằng "[" nhưng chưa đóng: hãy thêm "]" ở cuối trích dẫn, trên cùng dòng.';
    if (token.image === '{') return 'Giá trị mở bằng "{" nhưng chưa đóng: hãy thêm "}" ở cuối giá trị, trên cùng dòng.';
    return undefined;
}

/** Parser errors in Vietnamese. */
export class ThiduaParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        const unclosed = unclosedMessage(options.actual);
        if (unclosed) return unclosed;
        const hint =
            options.expected.name === ']'
                ? ' Hãy đóng trích dẫn bằng "]" trên cùng dòng.'
                : options.expected.name === '}'
                  ? ' Hãy đóng giá trị bằng "}" trên cùng dòng.'
                  : '';
        return `Cần ${describe(options.expected)} nhưng gặp ${found(options.actual)}.${hint}`;
    }
    buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        const t = options.firstRedundant;
        const kind = LINE_KINDS[t.tokenType.name];
        const what = kind
            ? `Dòng ${found(t)} là ${kind} nhưng đứng ở chỗ văn bản không còn nhận ${kind}`
            : `Không đọc được phần văn bản từ ${found(t)}`;
        return (
            `${what}: sau "Nơi nhận:" chỉ có các dòng "- …", rồi khối chữ ký (quyền hạn, chức vụ in hoa, họ tên) và các phụ lục ` +
            '(dòng "PHỤ LỤC"). Nếu dòng này thuộc nội dung, hãy chuyển nó lên trên "Nơi nhận:"; nếu muốn giữ nguyên là một đoạn văn, ' +
            'hãy viết dấu "\\" ở đầu dòng.'
        );
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
