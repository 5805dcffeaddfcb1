/**
 * Words from the core in the reader's language: its catalog key when this page knows it,
 * else the English the core sent with it, so nothing the core says is ever lost. The same rule
 * the CLI uses, from the protocol.
 */
export { renderText as localize } from '../../shared/protocol';
