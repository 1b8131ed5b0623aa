/**
 * Langium's value converter, with the same results for less work per token. The parser converts
 * every assigned token and every data-type value; Langium's converter upper-cases the rule's name
 * and looks up its type on each call, and unquotes a STRING one character at a time, which on the
 * plans' long quoted prose was a quarter of the memory a parse allocates (bench/PROFILE.md, round 3).
 * Here the conversion of each rule is chosen once, and a STRING without a backslash is one slice.
 */
import { DefaultValueConverter, GrammarUtils, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

type Conversion = (input: string) => ValueType;

/** The text between the quotes; escapes as Langium reads them (`\n`, `\"`…) when there is a backslash. */
export function unquote(input: string): string {
    return input.includes('\\') ? ValueConverter.convertString(input) : input.slice(1, -1);
}

const asIs: Conversion = input => input;

/** Langium's choice of conversion for a rule (`DefaultValueConverter.runConverter`), made once. */
function conversionOf(rule: GrammarAST.AbstractRule): Conversion {
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return unquote;
        case 'ID': return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return ValueConverter.convertNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return asIs;
    }
}

export class CpiplanValueConverter extends DefaultValueConverter {
    private readonly conversions = new Map<GrammarAST.AbstractRule, Conversion>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        let conversion = this.conversions.get(rule);
        if (conversion === undefined) {
            conversion = conversionOf(rule);
            this.conversions.set(rule, conversion);
        }
        return conversion(input);
    }
}
