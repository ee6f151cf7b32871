"use client";

import { useTranslations } from "next-intl";

/** A field's errors (message keys of forms.fields), announced and linked by `id`. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const t = useTranslations("forms.fields");
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-rose-700">
      {errors.map((key) => (
        <li key={key}>{t.has(key as never) ? t(key as never) : t("invalid")}</li>
      ))}
    </ul>
  );
}
