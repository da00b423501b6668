import type { IToken } from 'chevrotain';
import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import { forgetAnnexes, forgetRowLine } from './thidua-token-builder.js';

/** Every line, the last included, ends with an NL token, so the grammar can be line-oriented. */
export class ThiduaLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        forgetRowLine();
        forgetAnnexes();
        let result: LexerResult;
        try {
            result = super.tokenize(text, options);
        } finally {
            forgetAnnexes();
        }
        const last = result.tokens[result.tokens.length - 1];
        const nl = this.definition['NL'];
        if (last && !isNewline(last, nl)) {
            result.tokens.push({
                image: '',
                startOffset: text.length,
                endOffset: text.length - 1,
                startLine: last.endLine,
                endLine: last.endLine,
                startColumn: (last.endColumn ?? 0) + 1,
                endColumn: last.endColumn,
                tokenTypeIdx: nl.tokenTypeIdx!,
                tokenType: nl
            } satisfies IToken);
        }
        return result;
    }
}

function isNewline(token: IToken, nl: { tokenTypeIdx?: number }): boolean {
    return token.tokenType === nl || (token.tokenType.CATEGORIES ?? []).some(c => c.tokenTypeIdx === nl.tokenTypeIdx);
}
