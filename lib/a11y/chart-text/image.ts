/** Facts of a grey picture (the explorer's image panels): mean brightness and the share near black / white. */
export interface ImageFacts { pixels: number; mean: number; dark: number; bright: number }

/** `rgba`: width*height RGBA bytes of a grey picture (r = g = b); shares are 0..1, mean 0..1. */
export function imageFacts(rgba: ArrayLike<number>): ImageFacts {
  const pixels = Math.floor(rgba.length / 4);
  let sum = 0, dark = 0, bright = 0;
  for (let i = 0; i < pixels; i++) {
    const v = rgba[4 * i];
    sum += v;
    if (v < 32) dark++;
    else if (v > 223) bright++;
  }
  return pixels ? { pixels, mean: sum / pixels / 255, dark: dark / pixels, bright: bright / pixels } : { pixels, mean: 0, dark: 0, bright: 0 };
}
