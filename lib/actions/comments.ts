"use server";

import { refresh } from "next/cache";
import { canWriteComments } from "@/lib/auth/permissions";
import { addComment } from "@/lib/data/comments";
import { CommentSchema } from "@/lib/validation/reports";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export async function addCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "addComment", allowed: canWriteComments, schema: CommentSchema }, async (actor, input, ip) => {
    await addComment(actor, input, ip);
    refresh();
    return { status: "success", message: "comments.added" };
  });
}
