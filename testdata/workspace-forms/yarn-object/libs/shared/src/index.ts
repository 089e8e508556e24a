export function formatScore(score: number): string {
  return `${score.toString().padStart(3, "0")} pts`;
}
