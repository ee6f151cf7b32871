// What every server action returns to its form (via useActionState). Messages are keys of
// the `forms` catalog namespace, translated by the form; `values` echoes what the user typed,
// since React resets a form after an action.
export type FormState<Data = undefined> = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Partial<Record<string, string[]>>;
  values?: Record<string, string>;
  data?: Data;
};

export const initialFormState: FormState<never> = { status: "idle" };
