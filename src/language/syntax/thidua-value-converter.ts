import { DefaultValueConverter, GrammarUtils, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** Terminals Langium's converter reads by name, and rule types it converts (DefaultValueConverter.runConverter). */
const CONVERTED_NAMES = ['INT', 'STRING', 'ID'];
const CONVERTED_TYPES = ['number', 'boolean', 'bigint', 'date'];

/** "@id" refers to the indicator declared "#id": the reference text is the id itself. */
export class ThiduaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'VALUE_REF') return input.slice(1);
        return super.runConverter(rule, input, cstNode);
    }

    /** Whether a token of this rule converts to its text unchanged (the direct parser then does not ask). */
    convertsAsIs(rule: GrammarAST.AbstractRule): boolean {
        if (rule.name === 'VALUE_REF' || CONVERTED_NAMES.includes(rule.name.toUpperCase())) return false;
        const type = GrammarUtils.getRuleType(rule)?.toLowerCase();
        return type === undefined || !CONVERTED_TYPES.includes(type);
    }
}
