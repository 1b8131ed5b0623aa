/**
 * The parser, with error recovery that keeps an error inside its block.
 *
 * Chevrotain (under Langium) already recovers: it inserts a missing token, deletes a stray one,
 * re-syncs inside a repetition, and abandons a rule up to a token that can follow it. Two gaps
 * made one typo cost the rest of the file:
 *
 * - the plan's element loop is the last thing in its rule, so Chevrotain has nothing to re-sync
 *   to: at the first text that starts no element (`linee 3.2 …`), parsing stopped and the rest
 *   of the file was dropped. Here that loop skips the unreadable element and carries on.
 * - re-syncing looked for the next token that may follow the broken rule anywhere, even inside
 *   the next block: `totale` inside a line whose title lost its quotes became the plan's total.
 *   Here re-syncing skips whole `{ … }` blocks, so it never lands inside one.
 * - re-syncing (and resuming a loop of elements) took the first token that may start an element
 *   wherever it stood: a bullet that lost its opening quote (`• Analisi … di fonte amministrativa`)
 *   became a funding source, `obiettivx linea 3.3 "…" {` a second line 3.3. Here recovery lands
 *   only on a token that begins its line (or on a `}` closing the block it is in): the rest of a
 *   broken line is skipped with it, and the skipped text marks its block damaged (model/damage.ts).
 *
 * Both are derived from the grammar (the entry rule's alternatives, the `{`/`}` keywords), not
 * from a list of today's rules.
 */
import {
    AstUtils, createParser, GrammarAST, GrammarUtils, isAstNode, LangiumParser, type AstNode, type CstNode, type CstNodeBuilder, type LangiumCoreServices, type Lexer, type LexerResult,
    type ParseResult, type ParserOptions, type PropertyType
} from 'langium';
import {
    EOF, MismatchedTokenException, NotAllInputParsedException, tokenMatcher, type DSLMethodOpts, type IParserErrorMessageProvider, type IRecognitionException,
    type IToken, type TokenType
} from 'chevrotain';
import { LeanCstNodeBuilder } from './lean-cst.js';

/** The Chevrotain members recovery uses: runtime members of the parser, not part of its typed API. */
interface RecognizerInternals {
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    exportLexerState(): number;
    importLexerState(state: number): void;
    readonly RULE_STACK: number[];
    readonly RULE_OCCURRENCE_STACK: number[];
    readonly fullRuleNameToShort: Record<string, number | undefined>;
    /** The occurrence index the next rule invoked is called with. */
    subruleIdx: number;
    isAtEndOfInput(): boolean;
    getCurrRuleFullName(): string;
    flattenFollowSet(): TokenType[];
    findReSyncTokenType(): TokenType;
    reSyncTo(tokenType: TokenType): IToken[];
    tryInRepetitionRecovery(rule: (...args: unknown[]) => void, args: unknown[], lookAhead: () => boolean, expected: TokenType): void;
    tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken;
    getTokenToInsert(type: TokenType): IToken;
    /** The errors saved so far (Chevrotain's own list; the last one is the mismatch being recovered). */
    readonly _errors: IRecognitionException[];
    readonly errorMessageProvider: IParserErrorMessageProvider;
}

/**
 * Whether the token `k` ahead is the first of its line (the last token read, or the one before
 * it ahead, ends on an earlier line); the first token of the file is.
 */
function startsLine(recognizer: RecognizerInternals, k: number): boolean {
    const token = recognizer.LA(k);
    const before = recognizer.LA(k - 1);
    if (tokenMatcher(before, EOF) || before.endLine === undefined || Number.isNaN(before.endLine)) {
        return true;
    }
    return token.startLine !== undefined && token.startLine > before.endLine;
}

/**
 * The column the line of the token `k` ahead begins at (its first token's): a broken element's
 * indentation. Recovery lands only on a line indented no deeper, so the continuation line of a
 * broken element (`fase "…" da marzo 2020` / `    assunzioni "…"`) goes with it instead of
 * starting an element of its own.
 */
function indentOf(recognizer: RecognizerInternals, k: number): number {
    const line = recognizer.LA(k).startLine;
    let j = k;
    while (!tokenMatcher(recognizer.LA(j - 1), EOF) && recognizer.LA(j - 1).startLine === line) {
        j--;
    }
    return recognizer.LA(j).startColumn ?? 0;
}

/** Whether the token `k` ahead begins a line indented no deeper than `indent`. */
function beginsLineWithin(recognizer: RecognizerInternals, k: number, indent: number): boolean {
    return startsLine(recognizer, k) && (recognizer.LA(k).startColumn ?? 0) <= indent;
}

/** The members of Langium's parser that `parse` uses: runtime members, not part of its typed API. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: LexerResult;
    readonly lexer: Lexer;
    /** Chevrotain's parser: `errors` is a copy of the errors, setting `input` resets them. */
    readonly wrapper: { input: IToken[]; readonly errors: IRecognitionException[] };
    readonly allRules: Map<string, unknown>;
    readonly mainRule: unknown;
    readonly unorderedGroups: Map<string, boolean[]>;
    doParse(rule: unknown): AstNode;
}

/**
 * Sets `$container`, `$containerProperty` and `$containerIndex` on every node under `node`, as
 * Langium's `linkContentToContainer(node, { deep: true })` does, without an array of entries per node.
 */
function linkContainers(node: AstNode): void {
    const properties = node as unknown as Record<string, unknown>;
    for (const name in properties) {
        if (name.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = properties[name];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isAstNode(item)) {
                    const linked = item as Contained;
                    linked.$container = node;
                    linked.$containerProperty = name;
                    linked.$containerIndex = index;
                    linkContainers(item);
                }
            }
        } else if (isAstNode(value)) {
            const linked = value as Contained;
            linked.$container = node;
            linked.$containerProperty = name;
            linkContainers(value);
        }
    }
}

/** Langium's parser's making of the AST nodes of a rule (runtime members, private in its typings). */
interface NodeStarting {
    startImplementation(type: string | symbol | undefined, infixName: string | undefined, implementation: (args: unknown) => void): (args: unknown) => unknown;
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
    readonly stack: unknown[];
    readonly nodeBuilder: CstNodeBuilder;
    isRecording(): boolean;
    construct(): unknown;
}

/** A property's default value for one node, as Langium's `copyDefaultValue` makes it: arrays are new arrays. */
function copyDefault(value: PropertyType): PropertyType {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** What `linkContainers` sets on a node (read-only in Langium's `AstNode` type). */
interface Contained {
    $container: AstNode;
    $containerProperty: string;
    $containerIndex?: number;
}

/** Langium's suffix on Chevrotain rule names. */
const ruleSuffix = '\u200B';

/**
 * Where a block element was parsed from: Chevrotain's rule stack and the occurrence of each call
 * on it, its own rule last, as they stood when its node was made. Re-parsing the block alone with
 * the same stack (`ParseOptionsInContext`) recovers from an error inside it as the whole parse
 * does: Chevrotain re-syncs to the tokens that may follow any rule on the stack.
 */
export interface RuleContext {
    readonly rules: readonly number[];
    readonly occurrences: readonly number[];
}

/** The context each block element was parsed in (elements of other rules are not recorded). */
const ruleContexts = new WeakMap<AstNode, RuleContext>();

/** The context `node` was parsed in, when it is an element written as a `{ … }` block. */
export function ruleContextOf(node: AstNode): RuleContext | undefined {
    return ruleContexts.get(node);
}

/** Gives `copy` the context `node` was parsed in (a node replaced by a copy of it). */
export function copyRuleContext(node: AstNode, copy: AstNode): void {
    const context = ruleContexts.get(node);
    if (context) {
        ruleContexts.set(copy, context);
    }
}

/** The options of a parse of one rule in the context a whole parse called it in. */
export interface ParseOptionsInContext extends ParserOptions {
    readonly context?: RuleContext;
}

/** The types made by rules that may be written as a `{ … }` block: a `}` among their keywords (a block may be optional). */
function blockTypes(grammar: GrammarAST.Grammar): Set<string> {
    const types = new Set<string>();
    for (const rule of grammar.rules) {
        if (GrammarAST.isParserRule(rule) && !rule.fragment && rule.dataType === undefined
            && AstUtils.streamAllContents(rule.definition).some(node => GrammarAST.isKeyword(node) && node.value === '}')) {
            types.add(GrammarUtils.getTypeName(rule));
        }
    }
    return types;
}

/**
 * The repetitions that end a rule called by the entry rule (the plan's elements, a rule set's
 * body): rule name → the index Langium's parser builder gives that repetition (repetitions are
 * numbered from 1 in the order they are built, inner ones first, so the last element of a
 * rule's group gets the highest number).
 */
function tailRepetitions(grammar: GrammarAST.Grammar): Map<string, number> {
    const tails = new Map<string, number>();
    const entry = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry);
    if (!entry || !GrammarAST.isParserRule(entry)) {
        return tails;
    }
    const called = GrammarAST.isAlternatives(entry.definition) ? entry.definition.elements : [entry.definition];
    const candidates = [entry, ...called.flatMap(element => GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) ? [element.rule.ref] : [])];
    for (const rule of candidates) {
        const definition = rule.definition;
        const last = GrammarAST.isGroup(definition) && !definition.cardinality ? definition.elements.at(-1) : undefined;
        if (last?.cardinality === '*' || last?.cardinality === '+') {
            const repetitions = AstUtils.streamAllContents(definition)
                .filter(node => GrammarAST.isAbstractElement(node) && (node.cardinality === '*' || node.cardinality === '+'))
                .count();
            tails.set(rule.name + ruleSuffix, repetitions);
        }
    }
    return tails;
}

export class RecoveringParser extends LangiumParser {
    private readonly tails: Map<string, number>;
    private readonly blocks: Set<string>;
    private readonly open?: TokenType;
    private readonly close?: TokenType;
    private readonly text?: TokenType;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.tails = tailRepetitions(services.Grammar);
        this.blocks = blockTypes(services.Grammar);
        const tokens = services.parser.Lexer.definition;
        this.open = tokens['{'];
        this.close = tokens['}'];
        this.text = tokens.STRING;
        this.installBlockAwareResync();
        this.installUnquotedTextRecovery();
        this.installTypedNodes();
        this.installLinkingOnAssignment();
        this.installDefaultsPerType(services);
        this.internals.nodeBuilder = new LeanCstNodeBuilder();
    }

    /**
     * Langium starts every AST node as `{ $type }` and adds its properties one by one: V8 then keeps
     * them outside the object, in a separate array per node (a tenth of a parsed plan, bench/PROFILE.md
     * round 4). Here a node of each type is made by a constructor of that type, for which V8 learns how
     * many properties its objects get and keeps them inside. Same keys, in the same order; the nodes are
     * still told apart by `$type` alone. Rules building no node, data types and infix rules are Langium's.
     */
    private installTypedNodes(): void {
        const parser = this as unknown as NodeStarting;
        const start = parser.startImplementation;
        const constructors = new Map<string, new () => AstNode>();
        const blocks = this.blocks;
        const recognizer = this.recognizer;
        // One object per distinct stack: the elements of one list share it.
        const interned = new Map<string, RuleContext>();
        const contextNow = (): RuleContext => {
            const key = `${recognizer.RULE_STACK.join(',')}/${recognizer.RULE_OCCURRENCE_STACK.join(',')}`;
            let context = interned.get(key);
            if (!context) {
                context = { rules: [...recognizer.RULE_STACK], occurrences: [...recognizer.RULE_OCCURRENCE_STACK] };
                interned.set(key, context);
            }
            return context;
        };
        const constructorOf = (type: string): new () => AstNode => {
            let made = constructors.get(type);
            if (!made) {
                // A function of its own per type: V8 sizes objects per constructor.
                made = function (this: { $type: string }) {
                    this.$type = type;
                } as unknown as new () => AstNode;
                constructors.set(type, made);
            }
            return made;
        };
        parser.startImplementation = function (this: NodeStarting, type, infixName, implementation) {
            if (typeof type !== 'string' || infixName !== undefined) {
                return start.call(this, type, infixName, implementation);
            }
            const make = constructorOf(type);
            const recorded = blocks.has(type);
            return (args: unknown) => {
                const createNode = !this.isRecording();
                if (createNode) {
                    const node = new make();
                    if (recorded) {
                        ruleContexts.set(node, contextNow());
                    }
                    this.stack.push(node);
                }
                implementation(args);
                return createNode ? this.construct() : undefined;
            };
        };
    }

    /**
     * Each node is linked to its container as it is assigned, not by a walk after the parse (`parse`
     * keeps the walk for parses with errors, where recovery may move nodes): V8 then counts
     * `$container`, `$containerProperty` and `$containerIndex` among the properties it keeps inside.
     */
    private installLinkingOnAssignment(): void {
        const parser = this as unknown as NodeStarting;
        const assign = parser.assign;
        parser.assign = function (this: NodeStarting, operator, feature, value, cstNode, crossRef) {
            assign.call(this, operator, feature, value, cstNode, crossRef);
            if (isAstNode(value) && !crossRef) {
                const linked = value as Contained;
                const holder = this.stack[this.stack.length - 1] as Record<string, unknown>;
                linked.$container = holder as unknown as AstNode;
                linked.$containerProperty = feature;
                if (operator === '+=') {
                    linked.$containerIndex = (holder[feature] as unknown[]).length - 1;
                }
            }
        };
    }

    /**
     * A completed node gets the default values of the properties it lacks (`[]`, `false`), as Langium's
     * `assignMandatoryProperties` gives them, from a list made once per type: Langium made an array of
     * its type's properties for every node.
     */
    private installDefaultsPerType(services: LangiumCoreServices): void {
        const parser = this as unknown as NodeStarting;
        const reflection = services.shared.AstReflection;
        const defaults = new Map<string, { readonly name: string; readonly value: PropertyType }[]>();
        const defaultsOf = (type: string) => {
            let found = defaults.get(type);
            if (!found) {
                found = Object.values(reflection.getTypeMetaData(type).properties)
                    .flatMap(property => property.defaultValue === undefined ? [] : [{ name: property.name, value: property.defaultValue }]);
                defaults.set(type, found);
            }
            return found;
        };
        const construct = parser.construct;
        parser.construct = function (this: NodeStarting) {
            const node = this.stack[this.stack.length - 1] as (Record<string, unknown> & { $type: unknown }) | undefined;
            if (this.isRecording() || typeof node?.$type !== 'string' || '$infixName' in node) {
                return construct.call(this);
            }
            this.stack.pop();
            this.nodeBuilder.construct(node as unknown as AstNode & { $cstNode: CstNode });
            for (const { name, value } of defaultsOf(node.$type)) {
                if (node[name] === undefined) {
                    node[name] = copyDefault(value);
                }
            }
            return node;
        };
    }

    private get internals(): ParserInternals {
        return this as unknown as ParserInternals;
    }

    /**
     * Langium's `parse`, step for step, but linking each node to its container without the arrays
     * of entries Langium's `linkContentToContainer` allocates for every node (bench/PROFILE.md, round 3).
     */
    override parse<T extends AstNode = AstNode>(input: string, options: ParseOptionsInContext = {}): ParseResult<T> {
        const parser = this.internals;
        parser.nodeBuilder.buildRootNode(input);
        const lexerResult = parser.lexerResult = parser.lexer.tokenize(input);
        parser.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? parser.allRules.get(options.rule) : parser.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = options.context && options.rule ? this.parseInContext(ruleMethod, options.rule, options.context) : parser.doParse(ruleMethod);
        parser.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        parser.unorderedGroups.clear();
        parser.lexerResult = undefined;
        const parserErrors = parser.wrapper.errors;
        // Chevrotain keeps the tokens of the last input until the next parse: about 1 kB per line of
        // a plan, held for nothing (the tree keeps what it needs of them).
        parser.wrapper.input = [];
        if (parserErrors.length > 0) {
            // Recovery may have assigned a node and then dropped or moved it: linked again from the tree.
            linkContainers(result);
        }
        return {
            value: result as T,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors
        };
    }

    /**
     * Parses the one rule as called from `context`: Chevrotain's stacks hold the callers first, so
     * that recovery sees the follow sets, and the depths, of the whole parse. Throws when the rule
     * does not read all the input (it gave up to a caller, or stopped before the end): the whole
     * parse may then have read the text otherwise.
     */
    private parseInContext(ruleMethod: unknown, rule: string, context: RuleContext): AstNode {
        const parser = this.internals;
        const recognizer = this.recognizer;
        // The rule may have been called above the node's own (an element's rule through `PlanElement`): the stack up to its call.
        const callers = context.rules.lastIndexOf(recognizer.fullRuleNameToShort[rule + ruleSuffix] ?? -1);
        if (callers < 0) {
            throw new Error(`The rule '${rule}' was not called where the node was made.`);
        }
        recognizer.RULE_STACK.push(...context.rules.slice(0, callers));
        recognizer.RULE_OCCURRENCE_STACK.push(...context.occurrences.slice(0, callers));
        recognizer.subruleIdx = context.occurrences[callers] ?? 0;
        try {
            const result = parser.doParse(ruleMethod);
            if (!recognizer.isAtEndOfInput()) {
                throw new Error('The rule did not read the whole text.');
            }
            return result;
        } catch (error) {
            // A node left on Langium's stack would be the next parse's result.
            (this as unknown as NodeStarting).stack.length = 0;
            throw error;
        }
    }

    private get recognizer(): RecognizerInternals {
        return this.wrapper as unknown as RecognizerInternals;
    }

    /**
     * The rule-stack depth of the element loop `skipUnreadableElements` is reading, −1 outside
     * one: Chevrotain's own recovery is not tried for that loop (each try scanned to the end of
     * the file for a place to re-sync, once per skipped line: quadratic on a long broken file).
     */
    private tailDepth = -1;

    override many(idx: number, callback: DSLMethodOpts<unknown>): void {
        if (this.isRecording() || !this.isTailRepetition(idx)) {
            super.many(idx, callback);
            return;
        }
        const outer = this.tailDepth;
        this.tailDepth = this.recognizer.RULE_STACK.length;
        try {
            super.many(idx, callback);
            this.skipUnreadableElements(idx, callback);
        } finally {
            this.tailDepth = outer;
        }
    }

    private isTailRepetition(idx: number): boolean {
        const recognizer = this.recognizer;
        return recognizer.RULE_STACK.length <= 2 && this.tails.get(recognizer.getCurrRuleFullName()) === idx;
    }

    /**
     * The element loop stopped before the end of the file: skips what starts no element (a
     * block as a whole), reports it once per run of skipped text, and resumes the loop.
     */
    private skipUnreadableElements(idx: number, callback: DSLMethodOpts<unknown>): void {
        const recognizer = this.recognizer;
        while (!tokenMatcher(recognizer.LA(1), EOF)) {
            const first = recognizer.LA(1);
            const indent = indentOf(recognizer, 1);
            const skipped: IToken[] = [];
            let resumed = false;
            while (!resumed && !tokenMatcher(recognizer.LA(1), EOF)) {
                skipped.push(...this.skipOne());
                if (!beginsLineWithin(recognizer, 1, indent)) {
                    continue; // the rest of a broken line, and its continuation lines, are part of it, whatever their words
                }
                const before = recognizer.exportLexerState();
                super.many(idx, callback);
                resumed = recognizer.exportLexerState() !== before;
            }
            const message = recognizer.errorMessageProvider.buildNotAllInputParsedMessage({ firstRedundant: first, ruleName: recognizer.getCurrRuleFullName() });
            const error = new NotAllInputParsedException(message, first);
            error.resyncedTokens = skipped.slice(1);
            recognizer.SAVE_ERROR(error);
        }
    }

    /** Skips one token, or a whole `{ … }` block when the token opens one; returns what it skipped. */
    private skipOne(): IToken[] {
        const recognizer = this.recognizer;
        const skipped: IToken[] = [];
        let depth = 0;
        do {
            const token = recognizer.LA(1);
            if (tokenMatcher(token, EOF)) {
                break;
            }
            depth += this.depthChange(token, depth);
            skipped.push(token);
            recognizer.SKIP_TOKEN();
        } while (depth > 0);
        return skipped;
    }

    /** +1 for `{`, −1 for a `}` that closes a block opened while skipping, 0 otherwise. */
    private depthChange(token: IToken, depth: number): number {
        if (this.open && tokenMatcher(token, this.open)) {
            return 1;
        }
        return this.close && depth > 0 && tokenMatcher(token, this.close) ? -1 : 0;
    }

    /**
     * A quoted text written without its quotes (`linea 3.3 Osservatorio regionale del mercato del
     * lavoro {`, `testo Il piano …`): Chevrotain could neither insert the text (the next word cannot
     * follow it) nor delete one word, so it abandoned the whole element and its block. Here the
     * words up to what may follow the text on that line are skipped as the text, and the element
     * goes on: its block is read, and only its header counts as damaged.
     */
    private installUnquotedTextRecovery(): void {
        const recognizer = this.recognizer;
        const inRule = recognizer.tryInRuleRecovery;
        const text = this.text;
        const isBrace = (token: IToken) => (this.open !== undefined && tokenMatcher(token, this.open)) || (this.close !== undefined && tokenMatcher(token, this.close));
        recognizer.tryInRuleRecovery = function tryInRuleRecovery(this: RecognizerInternals, expected: TokenType, follows: TokenType[]): IToken {
            try {
                return inRule.call(this, expected, follows);
            } catch (error) {
                const length = text !== undefined && expected === text ? unquotedTextLength(this, follows, isBrace) : undefined;
                const mismatch = this._errors.at(-1);
                if (length === undefined || mismatch?.token !== this.LA(1)) {
                    throw error;
                }
                const skipped: IToken[] = [];
                for (let i = 0; i < length; i++) {
                    skipped.push(this.LA(1));
                    this.SKIP_TOKEN();
                }
                // As a re-sync's: the error's own token is the first skipped, the others follow it.
                mismatch.resyncedTokens = skipped.slice(1);
                return this.getTokenToInsert(expected);
            }
        };
    }

    /** Makes Chevrotain's re-sync (abandoning a broken rule) land only outside the blocks ahead. */
    private installBlockAwareResync(): void {
        const recognizer = this.recognizer;
        const depthChange = (token: IToken, depth: number) => this.depthChange(token, depth);
        const closes = (token: IToken) => this.close !== undefined && tokenMatcher(token, this.close);
        recognizer.findReSyncTokenType = function findReSyncTokenType(this: RecognizerInternals): TokenType {
            const follows = this.flattenFollowSet();
            const indent = indentOf(this, 1);
            let depth = 0;
            for (let k = 1; ; k++) {
                const token = this.LA(k);
                if (tokenMatcher(token, EOF)) {
                    return EOF;
                }
                const landing = depth === 0 && (beginsLineWithin(this, k, indent) || closes(token));
                const match = landing ? follows.find(type => tokenMatcher(token, type)) : undefined;
                if (match) {
                    return match;
                }
                depth += depthChange(token, depth);
            }
        };
        recognizer.reSyncTo = function reSyncTo(this: RecognizerInternals, tokenType: TokenType): IToken[] {
            const skipped: IToken[] = [];
            let depth = 0;
            let token = this.LA(1);
            while (!(depth === 0 && tokenMatcher(token, tokenType)) && !tokenMatcher(token, EOF)) {
                depth += depthChange(token, depth);
                token = this.SKIP_TOKEN();
                skipped.push(token);
            }
            // As Chevrotain's own: the token re-synced to is not part of the error.
            return skipped.slice(0, -1);
        };
        /*
         * Chevrotain's own, inside a loop of elements (a block's body) that met a token starting
         * none: skips tokens until the loop can go on, the token after the loop (`}`) comes, or the
         * re-sync token of the rule stack (then gives up, and the rule is abandoned). Here the loop
         * goes on only at a token that begins its line, and a `{ … }` block ahead is skipped whole.
         */
        const tailDepth = () => this.tailDepth;
        recognizer.tryInRepetitionRecovery = function tryInRepetitionRecovery(
            this: RecognizerInternals, rule: (...args: unknown[]) => void, args: unknown[], lookAhead: () => boolean, expected: TokenType
        ): void {
            if (this.RULE_STACK.length === tailDepth()) {
                return; // the plan's element loop: skipUnreadableElements resumes it
            }
            // Where the rule stack could re-sync: found on the way, not by a scan ahead of it (at the
            // plan's level the only follow is the end of the file).
            const follows = this.flattenFollowSet();
            const indent = indentOf(this, 1);
            const saved = this.exportLexerState();
            const first = this.LA(1);
            const skipped: IToken[] = [];
            const report = () => {
                const message = this.errorMessageProvider.buildMismatchTokenMessage({
                    expected, actual: first, previous: this.LA(0), ruleName: this.getCurrRuleFullName()
                });
                const error = new MismatchedTokenException(message, first, this.LA(0));
                error.resyncedTokens = skipped.slice(0, -1);
                this.SAVE_ERROR(error);
            };
            let depth = 0;
            let token = first;
            while (!tokenMatcher(token, EOF)) {
                if (depth === 0 && tokenMatcher(token, expected)) {
                    report();
                    return;
                }
                if (depth === 0 && beginsLineWithin(this, 1, indent) && lookAhead.call(this)) {
                    report();
                    rule.apply(this, args);
                    return;
                }
                if (depth === 0 && (beginsLineWithin(this, 1, indent) || closes(token)) && follows.some(type => tokenMatcher(token, type))) {
                    break; // the re-sync point of findReSyncTokenType: the rule is abandoned there
                }
                depth += depthChange(token, depth);
                token = this.SKIP_TOKEN();
                skipped.push(token);
            }
            this.importLexerState(saved);
        };
    }
}

/**
 * The number of tokens ahead that are a text written without its quotes: the words after the
 * first one on its line, up to a token that may follow the text there (`{` after a line's title;
 * the next element at the start of the next line); undefined when there is no such token, or a
 * block opens or closes before it.
 */
function unquotedTextLength(recognizer: RecognizerInternals, follows: readonly TokenType[], isBrace: (token: IToken) => boolean): number | undefined {
    const first = recognizer.LA(1);
    const indent = indentOf(recognizer, 1);
    for (let k = 1; ; k++) {
        const token = recognizer.LA(k);
        if (tokenMatcher(token, EOF)) {
            return undefined;
        }
        const onFirstLine = token.startLine === first.startLine;
        if (k > 1 && (onFirstLine || beginsLineWithin(recognizer, k, indent)) && follows.some(type => tokenMatcher(token, type))) {
            return k - 1;
        }
        if (!onFirstLine || isBrace(token)) {
            return undefined;
        }
    }
}

/** Builds the parser the way Langium's `createLangiumParser` does, with recovery kept inside blocks. */
export function createRecoveringParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new RecoveringParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
