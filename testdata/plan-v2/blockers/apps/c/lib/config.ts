type Stage = "dev" | "staging" | "prod";

const stage = (process.env.NEXT_PUBLIC_STAGE ?? "dev") as Stage;

const byStage: Record<Stage, { commentMaxLength: number; moderationQueue: string; cdn: string }> = {
  dev: { commentMaxLength: 10000, moderationQueue: "local", cdn: "http://localhost:4000" },
  staging: { commentMaxLength: 280, moderationQueue: "mod-staging", cdn: "https://cdn.staging.example.test" },
  prod: { commentMaxLength: 280, moderationQueue: "mod-prod", cdn: "https://cdn.example.test" },
};

export const appConfig = { stage, ...byStage[stage] };
