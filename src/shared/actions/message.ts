/**
 * Words for a person, as a key in the `actions` catalog and its parameters, never as finished
 * English: each page shows them in its reader's language. A parameter may be a message
 * itself ("{{element}}: on", the element named in the reader's language too).
 */
export interface Message {
  key: string;
  params?: Readonly<Record<string, string | number | Message>>;
}

export const message = (key: string, params?: Message['params']): Message =>
  params ? { key, params } : { key };
