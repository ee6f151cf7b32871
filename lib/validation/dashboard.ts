import { z } from "zod";
import { NO_REPORT, STATUSES } from "@/lib/status-scale";

/** What the dashboard, its JSON and its CSV can be narrowed to; kept in the URL so that a view can be shared. */
export const DashboardQuerySchema = z.object({
  /** Default: the current (most recent) session. */
  session: z.coerce.number().int().min(1).max(9999).optional(),
  theme: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((code) => code.toUpperCase())
    .optional(),
  status: z.enum([...STATUSES, NO_REPORT]).optional(),
  disagreements: z.boolean().default(false),
  overdue: z.boolean().default(false),
});

export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;
export type DashboardQueryField = keyof DashboardQuery;

const FIELDS = ["session", "theme", "country", "status", "disagreements", "overdue"] as const satisfies readonly DashboardQueryField[];
const FLAGS = new Set<string>(["disagreements", "overdue"]);
const TRUE = new Set(["1", "true", "on"]);
const FALSE = new Set(["0", "false", "off"]);

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const single = Array.isArray(value) ? value[0] : value;
  // An empty select of a GET form means "any".
  return single === undefined || single.trim() === "" ? undefined : single.trim();
}

/**
 * Reads the dashboard's filters from a URL's query. Each invalid field is left out of `query`
 * and named in `invalid`: the page ignores it, the API answers 400.
 */
export function parseDashboardQuery(params: Params): { query: DashboardQuery; invalid: DashboardQueryField[] } {
  const raw: Record<string, unknown> = {};
  const invalid: DashboardQueryField[] = [];
  for (const field of FIELDS) {
    const value = read(params, field);
    if (value === undefined) continue;
    if (FLAGS.has(field)) {
      if (TRUE.has(value)) raw[field] = true;
      else if (FALSE.has(value)) raw[field] = false;
      else invalid.push(field);
      continue;
    }
    const parsed = DashboardQuerySchema.shape[field].safeParse(value);
    if (parsed.success) raw[field] = parsed.data;
    else invalid.push(field);
  }
  return { query: DashboardQuerySchema.parse(raw), invalid };
}

/** The query string of a dashboard view, without the fields at their defaults. */
export function dashboardSearch(query: Partial<DashboardQuery>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.session !== undefined) params.set("session", String(query.session));
  if (query.theme) params.set("theme", query.theme);
  if (query.country) params.set("country", query.country);
  if (query.status) params.set("status", query.status);
  if (query.disagreements) params.set("disagreements", "1");
  if (query.overdue) params.set("overdue", "1");
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}
