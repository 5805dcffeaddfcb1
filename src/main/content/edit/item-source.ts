import path from 'node:path';
import { editYamlText, newYamlText, yamlValue } from './yaml-edit';

/*
 * An item file's text as the editor sees it: a YAML file, or a Markdown file whose front
 * matter is YAML and whose text below is the case's `body` or the statement's `text`.
 */

type Fields = Record<string, unknown>;

interface MarkdownParts {
  /** The lines up to and including the opening `---`. */
  head: string;
  frontMatter: string;
  /** The closing `---` line and everything after it. */
  tail: string;
  body: string;
}

function isMarkdown(file: string): boolean {
  return path.posix.extname(file).toLowerCase() === '.md';
}

function splitMarkdown(text: string): MarkdownParts | null {
  const match =
    /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?((?:---|\.\.\.)[ \t]*(?:\r?\n|$)([\s\S]*))$/.exec(text);
  if (!match) return null;
  return { head: match[1]!, frontMatter: match[2] ?? '', tail: match[3]!, body: match[4]!.trim() };
}

/** The field the Markdown text below the front matter fills, for a kind that has one. */
function bodyFieldOf(kind: unknown): string | undefined {
  return kind === 'case' ? 'body' : kind === 'statement' ? 'text' : undefined;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the file says, as JSON (no defaults), or null when it cannot be read as fields. */
export function fieldsOf(file: string, text: string): Fields | null {
  try {
    if (!isMarkdown(file)) {
      const value = yamlValue(text);
      return isFields(value) ? value : null;
    }
    const parts = splitMarkdown(text);
    if (!parts) return null;
    const value = parts.frontMatter.trim() === '' ? {} : yamlValue(parts.frontMatter);
    if (!isFields(value)) return null;
    const bodyField = bodyFieldOf(value.kind);
    if (bodyField && parts.body !== '' && !(bodyField in value)) value[bodyField] = parts.body;
    return value;
  } catch {
    return null;
  }
}

/** `text` changed to say `next`; what was not changed keeps its bytes. */
export function editedText(file: string, text: string | null, next: Fields): string {
  if (!isMarkdown(file)) return text === null ? newYamlText(next) : editYamlText(text, next);
  const parts = text === null ? null : splitMarkdown(text);
  const bodyField = bodyFieldOf(next.kind);
  const fields = { ...next };
  let body: string | undefined;
  if (bodyField && typeof fields[bodyField] === 'string') {
    body = fields[bodyField];
    delete fields[bodyField];
  }
  if (!parts) return `---\n${newYamlText(fields)}---\n${body ? `\n${body}\n` : ''}`;
  const frontMatter =
    parts.frontMatter.trim() === '' ? newYamlText(fields) : editYamlText(parts.frontMatter, fields);
  const tail =
    body === undefined || body === parts.body
      ? parts.tail
      : `${parts.tail.split(/\r?\n/)[0]}\n\n${body}\n`;
  return parts.head + frontMatter + tail;
}
