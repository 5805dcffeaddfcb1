import type { FileParts } from './image-parts';

/* The checks an SVG gets before a screen may show it: no code, nothing loaded from outside,
   no XML entities, and complete. */

import type { ProblemKey } from '../../shared/i18n';

/** What is wrong with an SVG, as a `problems` key (`media.svg…`) and the handler it names. */
export interface SvgProblem {
  key: ProblemKey;
  handler?: string;
}

export const TRUNCATED: SvgProblem = { key: 'media.truncated' };

/**
 * Where the `<svg` root element starts, skipping what XML allows before it (BOM, declaration,
 * comments, doctype), or undefined when the text does not open with an svg root.
 */
export function svgRootOffset(text: string): number | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      // An internal subset `[ … ]` holds declarations with their own `>`.
      const bracket = text.indexOf('[', i);
      let end = text.indexOf('>', i);
      if (bracket >= 0 && bracket < end) {
        const close = text.indexOf(']', bracket);
        end = close < 0 ? -1 : text.indexOf('>', close);
      }
      if (end < 0) return undefined;
      i = end + 1;
    } else {
      return /^<svg[\s>/]/.test(text.slice(i, i + 5)) ? i : undefined;
    }
  }
}

/**
 * What in an SVG could load something from elsewhere: links and sources that are not `#id`
 * fragments or embedded `data:`, CSS `url()` of the same kind, `@import`, and HTML inside a
 * foreignObject. Namespace declarations (`xmlns`) and metadata (`rdf:resource`) are never
 * loaded, so they are fine.
 */
function externalReference(text: string): SvgProblem | undefined {
  if (/\b(?:href|src)\s*=\s*["']\s*(?!#|data:)[^"'\s]/i.test(text)) return { key: 'media.svgLink' };
  if (/url\(\s*["']?\s*(?!#|data:)[^)"'\s]/i.test(text)) return { key: 'media.svgStyleUrl' };
  if (/@import\b/i.test(text)) return { key: 'media.svgImport' };
  if (/<foreignObject[\s>/]/i.test(text)) return { key: 'media.svgForeignObject' };
  return undefined;
}

/** The public DTDs of SVG itself, which Illustrator writes and no viewer ever fetches. */
const SVG_DTD = /^"http:\/\/www\.w3\.org\/(?:Graphics\/SVG|TR\/2001\/REC-SVG)[^"]*\.dtd"$/;

/**
 * A document type that points at a file of its own (`SYSTEM "…"`, or `PUBLIC` with an address
 * that is not SVG's): an XML reader that follows it loads something from outside the image.
 */
function externalDtd(text: string): boolean {
  const doctype =
    /<!DOCTYPE\s+[\w:-]+\s+(SYSTEM|PUBLIC)\s+("[^"]*"|'[^']*')(?:\s+("[^"]*"|'[^']*'))?/i.exec(
      text,
    );
  if (!doctype) return false;
  const system = doctype[1]!.toUpperCase() === 'SYSTEM' ? doctype[2]! : doctype[3];
  return system !== undefined && !SVG_DTD.test(system.replace(/'/g, '"'));
}

/**
 * Code in an SVG, in any of its spellings: a script element with or without a namespace
 * prefix (`<svg:script>`), an event handler attribute (`onload=`, `onclick=`), a `javascript:`
 * address anywhere (an `<a>`, an `<animate to=…>`), or HTML brought in by its namespace. The
 * server sends SVGs sandboxed and screens show them as images, where none of this runs; the
 * file is refused anyway, so a pack that carries code is caught in `validate`.
 */
function svgCode(text: string): SvgProblem | undefined {
  if (/<(?:[\w.-]+:)?script[\s>/]/i.test(text)) return { key: 'media.svgScript' };
  const handler = /<[^>]*?\s(on[a-z]+)\s*=/i.exec(text);
  if (handler) return { key: 'media.svgHandler', handler: handler[1]!.toLowerCase() };
  if (/javascript\s*:/i.test(text)) return { key: 'media.svgJavascript' };
  if (/xmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/i.test(text)) {
    return { key: 'media.svgHtml' };
  }
  return undefined;
}

export function checkSvg(parts: FileParts): SvgProblem | undefined {
  const text = parts.head.toString('utf8');
  // Entity declarations are how XML "billion laughs" and external-file tricks work; an SVG drawn
  // in Inkscape or Illustrator never needs them.
  if (/<!ENTITY/i.test(text)) return { key: 'media.svgEntities' };
  if (externalDtd(text)) return { key: 'media.svgDtd' };
  const code = svgCode(text);
  if (code) return code;
  const outside = externalReference(text);
  if (outside) return outside;
  const start = svgRootOffset(text);
  if (start === undefined) return TRUNCATED;
  const tailText = (parts.size <= parts.head.length ? text : parts.tail.toString('utf8'))
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimEnd();
  if (tailText.endsWith('</svg>')) return undefined;
  // A lone self-closing root: `<svg … />`.
  if (parts.size <= parts.head.length && /^<svg[^<]*\/>$/.test(text.slice(start).trim())) {
    return undefined;
  }
  return TRUNCATED;
}
