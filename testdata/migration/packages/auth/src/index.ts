export * from "./session";
export { AuthProvider } from "./provider";
