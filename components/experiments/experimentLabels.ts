/** Okabe-Ito: told apart with most colour-vision deficiencies. */
export const GROUP_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"] as const;

/** Groups are named by letter: A, B, C… (the same in every language). */
export const groupLetter = (group: number) => String.fromCharCode(65 + group);
