"use client";

import { CONTROL_CLASS, FieldFrame } from "./field-frame";

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
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          required={required}
          inputMode={inputMode}
          dir={dir}
          className={CONTROL_CLASS}
        />
      )}
    </FieldFrame>
  );
}
