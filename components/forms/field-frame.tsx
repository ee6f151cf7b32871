import type { ReactNode } from "react";
import { FieldErrors } from "./field-errors";

/** What a control needs so that its hint and errors are announced with it. */
export type FieldAria = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

type Props = {
  id: string;
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  children: (aria: FieldAria) => ReactNode;
};

/** A label, the control, its hint and its errors, tied together for assistive technology. */
export function FieldFrame({ id, label, hint, errors, children }: Props) {
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export const CONTROL_CLASS =
  "mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-600 aria-invalid:border-rose-500";
