import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** "@id" refers to the indicator declared "#id": the reference text is the id itself. */
export class ThiduaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'VALUE_REF') return input.slice(1);
        return super.runConverter(rule, input, cstNode);
    }
}
