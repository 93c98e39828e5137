// All en messages. Each area keeps its own file (its own top-level namespaces); merged here.
import core from "./core.json";
import explorer from "./explorer.json";
import trainer from "./trainer.json";
import lessons from "./lessons.json";
import board from "./board.json";
import live from "./live.json";
import dashboard from "./dashboard.json";
import homework from "./homework.json";
import access from "./access.json";
import formula from "./formula.json";
import attempts from "./attempts.json";
import outage from "./outage.json";
import screens from "./screens.json";
import help from "./help.json";
import xorproof from "./xorproof.json";
import experiments from "./experiments.json";
import arc from "./arc.json";
import charttext from "./charttext.json";
import announce from "./announce.json";
import audio from "./audio.json";

const messages = { ...core, ...explorer, ...trainer, ...lessons, ...board, ...live, ...dashboard, ...homework, ...access, ...formula, ...attempts, ...outage, ...screens, ...help, ...xorproof, ...experiments, ...arc, ...charttext, ...announce, ...audio };
export default messages;
