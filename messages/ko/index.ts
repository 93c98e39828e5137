// All ko messages. Each area keeps its own file (its own top-level namespaces); merged here.
import core from "./core.json";
import trainer from "./trainer.json";

const messages = { ...core, ...trainer };
export default messages;
