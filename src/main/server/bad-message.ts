import type { RawData } from 'ws';
import { clientMessageSchema, commandSchema, parseBoundedJson } from '../../shared/protocol';

/*
 * A view's message read as JSON, and the reply a bad one gets: what is wrong with it, in words
 * the sender can act on. The socket hub only carries messages.
 */

/**
 * The deepest a view's message may nest. Ours nest three levels; a frame of 30,000 `[`
 * once ran the core out of stack in the code that describes a bad message.
 */
export const MAX_MESSAGE_DEPTH = 8;

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Quotes a client's value in an error, cut short so a huge value cannot bloat the reply. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A reply the sender can act on, naming the first thing wrong with its message. */
export function describeInvalidMessage(json: unknown): string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'a message must be a JSON object like {"type":"command","requestId":"1","command":{"name":"next"}}';
  }
  const message = json as Record<string, unknown>;
  if (message.type !== 'command') {
    return message.type === undefined
      ? 'the message has no "type"; expected "command"'
      : `unknown message type ${quote(message.type)}; expected "command"`;
  }
  if (
    typeof message.requestId !== 'string' ||
    message.requestId.length === 0 ||
    message.requestId.length > 64
  ) {
    return 'a command needs a "requestId": a string of 1 to 64 characters';
  }
  const command = message.command;
  if (typeof command !== 'object' || command === null || Array.isArray(command)) {
    return 'a command message needs a "command" object like {"name":"next"}';
  }
  const name = (command as Record<string, unknown>).name;
  const known = commandSchema.options.map((o) => o.shape.name.value);
  if (typeof name !== 'string' || !(known as string[]).includes(name)) {
    return `unknown command ${quote(name)}; expected one of ${known.join(', ')}`;
  }
  const parsed = clientMessageSchema.safeParse(json);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (!issue) return 'the message is not valid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `invalid ${name} command: ${where}${issue.message}`;
}

/** A view's message as JSON, its nesting bounded before anything parses or describes it. */
export function parseMessage(data: RawData) {
  return parseBoundedJson(rawText(data), { maxDepth: MAX_MESSAGE_DEPTH });
}

/** The JSON in a message, or undefined: only to echo a requestId in a refusal. */
export function parseQuietly(data: RawData, isBinary: boolean): unknown {
  if (isBinary) return undefined;
  const parsed = parseMessage(data);
  return parsed.ok ? parsed.value : undefined;
}

export function requestIdOf(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const id = (json as Record<string, unknown>).requestId;
  return typeof id === 'string' && id.length <= 64 ? id : '';
}
