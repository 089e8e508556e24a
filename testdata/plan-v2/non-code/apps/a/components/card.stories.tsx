import type { Meta, StoryObj } from "@storybook/react";
import { Card } from "./card";

const meta: Meta<typeof Card> = {
  title: "Components/Card",
  component: Card,
  args: { title: "Quarterly report", children: "Revenue grew in every region." },
};
export default meta;

type Story = StoryObj<typeof Card>;

export const Default: Story = {};

export const LongContent: Story = {
  args: {
    title: "A card with a very long title that has to wrap onto a second line",
    children: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(6),
  },
};
