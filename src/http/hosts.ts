/**
 * What a host name says about where it is, from its text alone (no DNS): the one place that
 * decides "loopback" (where the key may go over plain http) and "private" (where image downloads
 * may be refused).
 */

/** `localhost`, `127.x.x.x` or `[::1]`, exactly as URL parsing writes them. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * A loopback, private (RFC 1918, unique-local, carrier-grade NAT), link-local or unspecified
 * address, or a `*.localhost` name. A public name that resolves to such an address is not caught:
 * that needs the resolver, which a browser does not offer.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (isLoopbackHost(host) || host.endsWith(".localhost")) return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host) ?? mappedV4(host);
  if (v4) return privateV4(Number(v4[1]), Number(v4[2]));
  if (!host.startsWith("[")) return false;
  const v6 = host.slice(1, -1);
  return v6 === "::" || v6 === "::1" || /^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6);
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (`[::ffff:7f00:1]`, as URL parsing writes it). */
function mappedV4(host: string): RegExpExecArray | null {
  const hex = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (!hex) return null;
  const high = Number.parseInt(hex[1] as string, 16);
  return /^(\d+)\.(\d+)$/.exec(`${high >> 8}.${high & 255}`);
}

function privateV4(a: number, b: number): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}
