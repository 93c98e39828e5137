// All ko messages. Each area keeps its own file (its own top-level namespaces); merged here.
import core from "./core.json";

const messages = { ...core };
export default messages;
