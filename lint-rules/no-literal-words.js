// @ts-check
/*
 * Every word a person reads goes through a catalog (docs/translating.md): this rule finds
 * words written straight into JSX. It reports text between tags, strings and template
 * literals put in as children ({'Save'}, {ok ? 'Yes' : 'No'}, {`${n} items`}), and strings in
 * the attributes a person reads or hears (aria-label, title, placeholder, alt, label…).
 * Text of symbols alone (·, —, ×, →, a number) has no words and passes. Arguments of calls are
 * never looked at: t('console.save') names a key, it is not shown.
 */

const LETTER = /\p{L}/u;
// &nbsp; and &#8217; are written with letters but show none.
const ENTITY = /&(?:[a-z]+|#x?[0-9a-f]+);/gi;

/** The attributes whose values people read (or hear from a screen reader). */
export const READ_ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
];

const hasWords = (/** @type {string} */ text) => LETTER.test(text.replace(ENTITY, ''));

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralWords = {
  meta: {
    type: 'suggestion',
    messages: {
      text: 'Words in JSX go through a catalog: t(…) instead of "{{text}}" (docs/translating.md).',
      attribute:
        'The {{name}} attribute is read by people: t(…) instead of "{{text}}" (docs/translating.md).',
    },
    schema: [],
  },
  create(context) {
    const short = (/** @type {string} */ text) => {
      const trimmed = text.replace(/\s+/g, ' ').trim();
      return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
    };

    /**
     * The string pieces an expression shows as it is: a literal, a template's fixed parts,
     * either branch of a condition, either side of && / || / ??. Nothing inside a call.
     * @param {any} node
     * @returns {{ node: any, text: string }[]}
     */
    function shownStrings(node) {
      if (!node) return [];
      switch (node.type) {
        case 'Literal':
          return typeof node.value === 'string' ? [{ node, text: node.value }] : [];
        case 'TemplateLiteral':
          return node.quasis.map((/** @type {any} */ quasi) => ({
            node: quasi,
            text: quasi.value.cooked ?? quasi.value.raw,
          }));
        case 'ConditionalExpression':
          return [...shownStrings(node.consequent), ...shownStrings(node.alternate)];
        case 'LogicalExpression':
          return [...shownStrings(node.left), ...shownStrings(node.right)];
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSNonNullExpression':
          return shownStrings(node.expression);
        default:
          return [];
      }
    }

    /** @param {any} expression @param {string} messageId @param {Record<string, string>} data */
    function reportStrings(expression, messageId, data = {}) {
      for (const { node, text } of shownStrings(expression)) {
        if (hasWords(text)) {
          context.report({ node, messageId, data: { ...data, text: short(text) } });
        }
      }
    }

    return {
      /** @param {any} node */
      JSXText(node) {
        if (hasWords(node.value)) {
          context.report({ node, messageId: 'text', data: { text: short(node.value) } });
        }
      },
      /** @param {any} node */
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment') {
          reportStrings(node.expression, 'text');
        }
      },
      /** @param {any} node */
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || !READ_ATTRIBUTES.includes(node.name.name)) return;
        const data = { name: node.name.name };
        const value = node.value;
        if (!value) return;
        if (value.type === 'Literal') reportStrings(value, 'attribute', data);
        else if (value.type === 'JSXExpressionContainer') {
          reportStrings(value.expression, 'attribute', data);
        }
      },
    };
  },
};
