export function parseArgs(argv: string[]): { name: string } {
  const index = argv.indexOf("--name");
  return { name: index >= 0 && argv[index + 1] ? argv[index + 1] : "world" };
}
