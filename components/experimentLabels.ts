/** Groups are named by letter: A, B, C… (the same in every language). */
export const groupLetter = (group: number) => String.fromCharCode(65 + group);
