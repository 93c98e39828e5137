import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en";
import ko from "@/messages/ko";
import { emptyQueue, enqueue, MIN_GAP_MS, take } from "./announce-queue";
import { boardNews } from "../board/board-news";
import { narrate, type RunView } from "./narration";

describe("announce queue", () => {
  it("says the first at once, then at most one every MIN_GAP_MS, newer on a key replacing older", () => {
    let q = enqueue(emptyQueue(), { key: "run", text: "Training started." });
    let r = take(q, 1000);
    expect(r.say).toBe("Training started.");
    q = enqueue(r.q, { key: "acc", text: "Accuracy 50 %." });
    q = enqueue(q, { key: "acc", text: "Accuracy 75 %." });
    q = enqueue(q, { key: "done", text: "Finished." });
    r = take(q, 1000 + MIN_GAP_MS - 1);
    expect(r.say).toBeNull();
    expect(r.wait).toBe(1);
    r = take(r.q, 1000 + MIN_GAP_MS);
    expect(r.say).toBe("Accuracy 75 %. Finished.");
    expect(take(r.q, 99_999)).toMatchObject({ say: null, wait: null });
  });
});

const view = (v: Partial<RunView>): RunView => ({ run: 1, epoch: 0, accuracy: 0, playing: false, done: false, ...v });

describe("narration", () => {
  it("started, the highest milestone crossed once, finished", () => {
    let said = 0;
    const steps: RunView[] = [view({}), view({ playing: true }), view({ playing: true, epoch: 3, accuracy: 0.5 }),
      view({ playing: true, epoch: 5, accuracy: 0.25 }), view({ playing: true, epoch: 6, accuracy: 0.5 }),
      view({ playing: true, epoch: 9, accuracy: 1 }), view({ epoch: 10, accuracy: 1, done: true })];
    const all = [];
    for (let i = 1; i < steps.length; i++) {
      const r = narrate(steps[i - 1], steps[i], said);
      said = r.said;
      all.push(...r.events);
    }
    expect(all).toEqual([{ kind: "started", epoch: 0 }, { kind: "milestone", accuracy: 0.5 }, { kind: "milestone", accuracy: 1 }, { kind: "finished", epoch: 10, accuracy: 1 }]);
  });
  it("a new run starts the milestones over; Play after a pause resumes at its epoch", () => {
    expect(narrate(view({ epoch: 4, accuracy: 0.75 }), view({ run: 2, playing: true }), 0.75)).toEqual({ events: [{ kind: "started", epoch: 0 }], said: 0 });
    expect(narrate(view({ epoch: 4, accuracy: 0.5 }), view({ epoch: 4, accuracy: 0.5, playing: true }), 0.5).events).toEqual([{ kind: "started", epoch: 4 }]);
  });
});

describe("board news", () => {
  const tile = (userId: string, nickname: string, at?: string) => ({ userId, nickname, result: at ? { at } : null });
  it("the first look is no news; then new submissions counted and new help flags named", () => {
    let r = boardNews(null, [tile("a", "Minji", "t1")], ["a"]);
    expect(r.news).toEqual({ submissions: 0, help: [] });
    r = boardNews(r.seen, [tile("a", "Minji", "t2"), tile("b", "Joon", "t1"), tile("c", "Ara", "t1"), tile("d", "Bo")], ["a", "d"]);
    expect(r.news).toEqual({ submissions: 3, help: ["Bo"] });
    r = boardNews(r.seen, [tile("a", "Minji", "t2"), tile("b", "Joon", "t1"), tile("c", "Ara", "t1"), tile("d", "Bo")], ["d"]);
    expect(r.news).toEqual({ submissions: 0, help: [] });
  });
});

describe("the board's news in words", () => {
  // Korean has no "one" plural category: a single student must still read naturally.
  it("one student and several, in both languages", () => {
    const t = (messages: typeof en, locale: "en" | "ko") => createTranslator({ locale, messages, namespace: "announce" });
    expect(t(en, "en")("help", { count: 1, names: "Minji" })).toBe("Minji needs help");
    expect(t(en, "en")("help", { count: 2, names: "Minji, Joon" })).toBe("Minji, Joon need help");
    expect(t(ko, "ko")("help", { count: 1, names: "민지" })).toBe("민지 학생이 도움이 필요합니다");
    expect(t(ko, "ko")("submissions", { count: 3 })).toBe("새 제출 3건");
    expect(t(en, "en")("submissions", { count: 1 })).toBe("1 new submission");
  });
});
