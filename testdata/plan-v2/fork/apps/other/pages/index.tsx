import { Countdown } from "../components/countdown";
import { buildPyramid, totalSeconds } from "../lib/workouts";

const plan = buildPyramid(60, 4);

export default function TrainingPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-bold">Pyramid session</h1>
      <p>Total: {Math.round(totalSeconds(plan) / 60)} minutes</p>
      <ol className="list-decimal pl-6">
        {plan.map((step) => (
          <li key={step.label}>
            {step.label} <Countdown seconds={step.seconds} />
          </li>
        ))}
      </ol>
    </section>
  );
}
