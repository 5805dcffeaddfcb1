import type { Rule } from 'eslint';

export declare const READ_ATTRIBUTES: string[];
export declare const noLiteralWords: Rule.RuleModule;
