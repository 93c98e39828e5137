// Word wrap for SVG text by a rough character width (CJK counts about double).

/** Rough width of a text in "Latin characters": CJK characters count about double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1.8 : 1;
  return w;
}

/** Greedy word wrap into lines at most `max` wide by textWidth (a longer word gets its own line). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && textWidth(line) + 1 + textWidth(word) > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
