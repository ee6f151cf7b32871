import compile from "icu-minify/compile";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/forms.json";
import { isPlainMessage } from "./form-status";

describe("a form's status message", () => {
  it("is shown only when it needs no values: as read from the catalog, and as precompiled by the build", () => {
    for (const message of ["Saved.", en.errors.unexpected, "It''s saved."]) {
      expect(isPlainMessage(message)).toBe(true);
      expect(isPlainMessage(compile(message))).toBe(true);
    }
    for (const message of ["User {email} created.", "{count, plural, one {# report} other {# reports}}"]) {
      expect(isPlainMessage(message)).toBe(false);
      expect(isPlainMessage(compile(message))).toBe(false);
    }
  });
});
