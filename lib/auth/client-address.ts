// The client's address, for throttling and the audit log. Next.js sets X-Forwarded-For to the
// socket address when no proxy did; behind TRUSTED_PROXY_HOPS proxies that each append the
// address they saw, the client is that many entries from the end. Entries further left are
// whatever the client claimed, and are ignored.
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource, trustedHops: number): string {
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = Math.max(trustedHops, 1);
  const address = forwarded[forwarded.length - hops] ?? forwarded[0];
  return address ?? "unknown";
}
