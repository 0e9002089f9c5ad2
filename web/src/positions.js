// positions.js maps the engine's byte offsets (UTF-8, as Go sees the text)
// to CodeMirror positions (UTF-16 code units), in one pass over the text.

// utf16Positions sets from and to on each finding from its offset and
// endOffset. The text is what was passed to the engine: a JS string that Go
// received as UTF-8 (lone surrogates become U+FFFD, three bytes).
export function utf16Positions(text, findings) {
  if (!findings.length) return;
  const wanted = new Set();
  for (const f of findings) { wanted.add(f.offset); wanted.add(f.endOffset); }
  const offsets = [...wanted].sort((a, b) => a - b);
  const map = new Map();
  let k = 0, bytes = 0, i = 0;
  const n = text.length;
  while (k < offsets.length && i < n) {
    const c = text.charCodeAt(i);
    let len = 3, units = 1;
    if (c < 0x80) len = 1;
    else if (c < 0x800) len = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { len = 4; units = 2; }
    }
    // Offsets at or inside this character map to its start.
    while (k < offsets.length && offsets[k] < bytes + len) map.set(offsets[k++], i);
    bytes += len;
    i += units;
  }
  while (k < offsets.length) map.set(offsets[k++], n);
  for (const f of findings) {
    f.from = map.get(f.offset);
    f.to = Math.max(f.from, map.get(f.endOffset));
  }
}

// codePointColumn returns the 1-based column of pos in its line, counted in
// Unicode code points as the engine counts them.
export function codePointColumn(lineText, offsetInLine) {
  let col = 1;
  for (let i = 0; i < offsetInLine; i++) {
    const c = lineText.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offsetInLine) {
      const d = lineText.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    col++;
  }
  return col;
}
