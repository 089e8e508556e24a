import { shout } from "./util";

export const banner = shout("broken manifest, working code");
