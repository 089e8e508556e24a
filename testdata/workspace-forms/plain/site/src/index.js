import { banner } from "some-dep";
import { formatTitle } from "plain-format";

document.title = formatTitle(banner());
