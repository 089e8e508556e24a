"use client";

import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { apiClient } from "@/lib/api-client";

export interface SettingsValues {
  displayName: string;
  email: string;
  timezone: string;
}

export function SettingsForm({ defaults }: { defaults: SettingsValues }) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SettingsValues>({ defaultValues: defaults });

  const onSubmit = handleSubmit(async (values) => {
    await apiClient.put("/settings", values);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Input label="Display name" error={errors.displayName?.message} {...register("displayName", { required: "Required" })} />
      <Input label="Email" type="email" error={errors.email?.message} {...register("email", { required: "Required" })} />
      <Input label="Timezone" error={errors.timezone?.message} {...register("timezone")} />
      <Button type="submit" loading={isSubmitting}>
        Save changes
      </Button>
    </form>
  );
}
