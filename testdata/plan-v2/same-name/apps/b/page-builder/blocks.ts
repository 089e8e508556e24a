type BlockKind = "hero" | "features" | "pricing" | "faq" | "footer";

function makeBlock(kind: BlockKind, order: number) {
  return {
    kind,
    order,
    key: `${kind}-${order}`,
    locked: kind === "footer",
  };
}

export default (["hero", "features", "pricing", "faq", "footer"] as BlockKind[]).map(makeBlock);
