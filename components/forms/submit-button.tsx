"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  const t = useTranslations("forms");
  const look = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50",
    danger: "bg-rose-700 text-white hover:bg-rose-800",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${look}`}
    >
      {pending ? t("saving") : children}
    </button>
  );
}
