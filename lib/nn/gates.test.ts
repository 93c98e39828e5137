import { describe, expect, it } from "vitest";
import { GATE_IDS, GATE_INPUTS, gateLabels, gateOutput, isLinearlySeparable } from "./gates";

describe("gates", () => {
  it("uses the seed's input order", () => {
    expect(GATE_INPUTS).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
  });
  it("has the right truth tables", () => {
    expect(gateLabels("AND")).toEqual([0, 0, 0, 1]);
    expect(gateLabels("OR")).toEqual([0, 1, 1, 1]);
    expect(gateLabels("NAND")).toEqual([1, 1, 1, 0]);
    expect(gateLabels("NOR")).toEqual([1, 0, 0, 0]);
    expect(gateLabels("XOR")).toEqual([0, 1, 1, 0]);
    expect(gateOutput("XOR", 1, 0)).toBe(1);
  });
  it("only XOR is not linearly separable", () => {
    expect(GATE_IDS.filter((g) => !isLinearlySeparable(g))).toEqual(["XOR"]);
  });
});
