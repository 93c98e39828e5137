/**
 * Seeded random numbers for everything that must replay identically in the
 * browser and on the server (initial weights, sample clouds).
 *
 * Built on d3-random: `randomLcg` is a 32-bit linear congruential generator
 * (integer arithmetic, so its uniform stream is bit-identical on every JS
 * engine) and `randomNormal` is the Marsaglia polar method over that stream.
 * The normal draws go through Math.log/Math.sqrt; Math.log is not required by
 * the spec to be correctly rounded, so compare weights across engines with a
 * tolerance (see weightsMatch in perceptron.ts).
 */
import { randomLcg, randomNormal } from "d3-random";

export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
}

/**
 * Same seed => same sequence. Seeds are meant to be integers: d3's LCG uses
 * |seed| truncated to 32 bits (a seed in [0, 1) is scaled by 2^32 first).
 * uniform() and normal() draw from one shared stream, so the interleaving of
 * calls is part of the sequence.
 */
export function makeRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  const uniform = randomLcg(seed);
  const normal = randomNormal.source(uniform)(0, 1);
  return { uniform, normal };
}
