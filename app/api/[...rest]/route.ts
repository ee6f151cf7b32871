import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// An unknown API path answers JSON like every other route handler (401 signed out, 404 signed
// in), not Next's HTML 404 page.
const unknown = apiRoute<{ rest: string[] }>(async () => {
  throw new NotFoundError("route");
});

export { unknown as DELETE, unknown as GET, unknown as PATCH, unknown as POST, unknown as PUT };
