import { describe, expect, it } from "vitest";
import { exerciseConfigSchema } from "../lessons/exercises";
import { readLessonFile, toLessonFile } from "../lessons/lesson-file";
import { normalPracticeLink, pastedPracticeLink } from "./practice-link";
import { practicePath } from "./practice-path";

describe("a lesson's practice link", () => {
  it("keeps a practice page of this site with valid settings, written the canonical way", () => {
    expect(normalPracticeLink("/practice/gate?seed=4&gate=OR&lr=0.1")).toBe("/practice/gate?gate=OR&lr=0.1&seed=4");
    expect(normalPracticeLink(" /practice/activation?activation=tanh&dist=normal&spread=6&axis=fixed ")).toBe("/practice/activation?activation=tanh&dist=normal&spread=6&axis=fixed");
    expect(normalPracticeLink("/practice/xor")).toBe("/practice/xor");
  });
  it("refuses other sites, other pages, scripts and invalid or unknown settings", () => {
    for (const bad of [
      "https://evil.example/practice/gate", "//evil.example/practice/gate", "/\\evil.example/practice/gate", "javascript:alert(1)",
      "/practice/../classes", "/practice/gate/../../api/lessons", "/practice/other", "/practice/", "/practice/gate#x", "practice/gate",
      "/practice/gate?lr=-1", "/practice/gate?gate=XOR", "/practice/gate?seed=1&seed=2", "/practice/gate?next=https://evil.example",
      "/practice/activation?spread=0", "/practice/gate?gate=OR lr", `/practice/gate?seed=${"1".repeat(700)}`, "",
    ]) expect(normalPracticeLink(bad), bad).toBeNull();
  });
  it("is linked on the student's page only when it is a practice page of this site, as it was saved", () => {
    expect(practicePath("/practice/gate?gate=AND&lr=1&seed=3")?.href).toBe("/practice/gate?gate=AND&lr=1&seed=3");
    for (const bad of ["https://evil.example/practice/gate", "//evil.example/practice/gate", "/\\evil.example/practice/gate", "javascript:alert(1)",
      "/practice/../classes", "/practice/other", "/practice/gate#x", "/practice/gate?next=https://evil.example", "/practice/gate?seed=1&seed=2"]) {
      expect(practicePath(bad), bad).toBeNull();
    }
  });
  it("is saved written the canonical way", () => {
    const gate = { type: "GATE", gate: "AND", lr: 0.1, epochs: 100, points: 10, practiceLink: " /practice/gate?seed=3&gate=AND&lr=1.0" };
    expect(exerciseConfigSchema.parse(gate)).toMatchObject({ practiceLink: "/practice/gate?gate=AND&lr=1&seed=3" });
  });
  it("takes this site's full address as its path", () => {
    expect(pastedPracticeLink("http://localhost:3000/practice/gate?gate=OR", "http://localhost:3000")).toBe("/practice/gate?gate=OR");
    expect(pastedPracticeLink("http://elsewhere/practice/gate", "http://localhost:3000")).toBe("http://elsewhere/practice/gate");
  });
  it("is optional in every preset, validated there, and kept through a lesson file", () => {
    const gate = { type: "GATE", gate: "AND", lr: 0.1, epochs: 100, points: 10, practiceLink: "/practice/gate?gate=AND&lr=1&seed=3" };
    expect(exerciseConfigSchema.parse(gate)).toEqual(gate);
    const r = exerciseConfigSchema.safeParse({ ...gate, practiceLink: "https://evil.example/" });
    expect(r.success ? null : r.error.issues[0].message).toBe("practiceLinkInvalid");
    const act = { type: "ACTIVATION", activations: ["sigmoid", "relu"], question: "saturatesBothSides", points: 10, practiceLink: "/practice/activation?activation=relu" };
    const file = JSON.parse(JSON.stringify(toLessonFile({ title: "T", exercises: [{ config: gate }, { config: act }] })));
    const back = readLessonFile({ ...file, exercises: [...file.exercises, { ...gate, practiceLink: "//evil.example/x" }] });
    expect(back.ok && back.accepted).toEqual([gate, act]);
    expect(back.ok && back.refused).toEqual([{ position: 3, reason: "practiceLinkInvalid" }]);
  });
});
