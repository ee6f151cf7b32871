"use client";

import { CONTROL_CLASS, FieldFrame } from "./field-frame";

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
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <textarea {...aria} name={name} rows={rows} defaultValue={defaultValue} required={required} dir={dir} lang={lang} className={CONTROL_CLASS} />}
    </FieldFrame>
  );
}
