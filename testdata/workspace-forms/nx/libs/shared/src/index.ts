export { toSlug } from "./lib/slug";
