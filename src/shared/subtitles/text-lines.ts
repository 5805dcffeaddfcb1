/** The file's lines without a byte-order mark, whatever its line endings (LF, CRLF, or old Mac CR). */
export function textLines(text: string): string[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

/** Blocks of non-blank lines, each with the 1-based line number of its first line. */
export interface TextBlock {
  firstLine: number;
  lines: string[];
}

export function textBlocks(lines: readonly string[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { firstLine: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}
