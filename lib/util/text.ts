// Text at the edge: what a string field may hold, and how nicknames are normalised and compared.
// Pure (no I/O); shared by the browser (instant feedback) and the server (the edge).

/** C0 controls, DEL, C1 controls. Single-line fields allow none of them (tab and newline included). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return allowed (multi-line text in JSON payloads). */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A UTF-16 surrogate without its partner: not text, and a database will not store it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/**
 * Invisible characters that change how text looks or reads without showing themselves: zero-width
 * spaces and joiners, the word joiner, soft hyphen, bidirectional embeddings, overrides and isolates,
 * the byte order mark, the Mongolian vowel separator, variation selectors, and the Hangul fillers.
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** True when a single-line field holds a control character or a lone surrogate. */
export function hasControlChars(s: string): boolean {
  return CONTROL.test(s) || LONE_SURROGATE.test(s);
}

/** True when a multi-line string holds a control character (other than tab / newline) or a lone surrogate. */
export function hasForbiddenChars(s: string): boolean {
  return CONTROL_MULTILINE.test(s) || LONE_SURROGATE.test(s);
}

/** What a nickname is stored and shown as: NFKC, invisible characters removed, spaces collapsed. */
export function normalizeNickname(raw: string): string {
  return raw.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
}

// Letters from other scripts that look like Latin ones (Unicode's confusables, the common part):
// Cyrillic and Greek capitals and small letters, and a few symbols. Folded after lower-casing.
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x",
  ѕ: "s", і: "i", ї: "i", ј: "j", һ: "h", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", ь: "b", г: "r", п: "n", ɡ: "g",
  // Greek
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", γ: "y", ω: "w",
  ϲ: "c", ϳ: "j", ς: "c", ζ: "z", μ: "u",
  // Look-alike digits and signs
  "0": "o", "1": "l", "|": "l", "5": "s", "$": "s", "@": "a",
  // Latin letters that read as others
  ı: "i", ȷ: "j", ł: "l", ø: "o", đ: "d", ħ: "h",
};

/**
 * The key two nicknames are compared by: equal keys look alike on the board. Normalised (NFKC,
 * invisible characters gone), case folded, accents removed, look-alike letters from other scripts
 * folded to Latin, `I` / `l` / `1` taken as one, `rn` taken as `m`, and spaces ignored.
 */
export function nicknameKey(raw: string): string {
  const base = normalizeNickname(raw)
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "") // combining marks: accents, and a combining dot that hides a letter
    .normalize("NFC");
  let out = "";
  for (const ch of base) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/i/g, "l").replace(/rn/g, "m").replace(/vv/g, "w").replace(/\s+/g, "");
}
