// Stable anonymous aliases for the projector: a number or an animal per tile in board order.

/** Animal aliases for projector mode (their names are translated under board.animals). */
export const ALIAS_ANIMALS = [
  "otter", "fox", "owl", "panda", "tiger", "koala", "dolphin", "penguin", "rabbit", "turtle",
  "whale", "zebra", "hedgehog", "falcon", "beaver", "lynx", "seal", "crane", "badger", "gecko",
] as const;
export type AliasAnimal = (typeof ALIAS_ANIMALS)[number];
export type AliasStyle = "number" | "animal";

/** The alias of the tile at `index` in board order: a number, or an animal (with a round after the first 20). */
export function aliasOf(index: number): { n: number; animal: AliasAnimal; round: number } {
  return { n: index + 1, animal: ALIAS_ANIMALS[index % ALIAS_ANIMALS.length], round: Math.floor(index / ALIAS_ANIMALS.length) + 1 };
}
