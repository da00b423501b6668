import type { IToken } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';

/** Lexer errors in Vietnamese, saying how to fix them. */
export class ThiduaLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const ch = fullText.substr(startOffset, Math.max(1, length)).charAt(0);
        if (ch === ']')
            return 'Dấu "]" không có dấu "[" mở trích dẫn tương ứng. Nếu đây là chữ của văn bản, hãy viết "\\]".';
        if (ch === '}')
            return 'Dấu "}" không có dấu "{" mở giá trị tương ứng. Nếu đây là chữ của văn bản, hãy viết "\\}".';
        return `Ký tự "${ch}" không đọc được ở vị trí này. Hãy xóa hoặc viết "\\${ch}" nếu đây là chữ của văn bản.`;
    }
    override buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Dấu "${token.image}" đóng khi chưa có dấu mở tương ứng.`;
    }
}
