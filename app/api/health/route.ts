import { json } from "@/lib/api/respond";
import { isDatabaseReachable } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await isDatabaseReachable();
  return json({ status: database ? "ok" : "unavailable", database }, { status: database ? 200 : 503 });
}
