/** The inverse of the sigmoid (tests compare a pre-activation with a net's output). */
export const logit = (y: number) => Math.log(y / (1 - y));
