/** What an exercise component is given, on a practice page, in a live session or in a replay. */
export interface ExerciseProps<Config, Progress, Answer, State> {
  config: Config;
  /** Controls disabled (e.g. the instructor paused the class). */
  locked?: boolean;
  /** Called as the student works (a live session streams it). */
  onProgress?(p: Progress): void;
  /** Live mode: the answer goes here instead of being graded in the browser. */
  onSubmit?(payload: Answer): void;
  /** A read-only replay of someone's state (controls disabled). */
  state?: State;
}
