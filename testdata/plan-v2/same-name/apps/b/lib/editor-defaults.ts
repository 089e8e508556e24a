const GRID = 8;

export default Object.freeze({
  gridSize: GRID,
  snapToGrid: true,
  maxUndoSteps: 50,
  autosaveMs: 4000,
  canvasWidths: [375, 768, 1280].map((w) => w + GRID * 2),
});
