"use client";

import { FieldErrors } from "./field-errors";

type Props = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "date" | "number";
  defaultValue?: string;
  errors?: string[] | undefined;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  inputMode?: "numeric" | "text" | "email";
  dir?: "ltr" | "rtl" | "auto";
  /** When two forms on a page share field names. */
  id?: string;
};

/** A labelled input whose errors and hint are tied to it for assistive technology. */
export function TextField({ name, label, type = "text", defaultValue, errors, autoComplete, required, hint, inputMode, dir, id = name }: Props) {
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        dir={dir}
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
