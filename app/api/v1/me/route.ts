import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, actor) =>
  json({ id: actor.id, name: actor.name, email: actor.email, role: actor.role, country: actor.countryCode }),
);
