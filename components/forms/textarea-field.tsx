"use client";

import { FieldErrors } from "./field-errors";

type Props = {
  name: string;
  label: string;
  defaultValue?: string;
  errors?: string[] | undefined;
  required?: boolean;
  rows?: number;
  hint?: string;
  dir?: "ltr" | "rtl" | "auto";
  lang?: string;
  id?: string;
};

/** A labelled textarea whose errors and hint are tied to it for assistive technology. */
export function TextareaField({ name, label, defaultValue, errors, required, rows = 4, hint, dir, lang, id = name }: Props) {
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        dir={dir}
        lang={lang}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-600 aria-invalid:border-rose-500"
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
