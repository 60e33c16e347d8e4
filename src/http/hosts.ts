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
 * A loopback, private (RFC 1918, unique-local, site-local, carrier-grade NAT), link-local or
 * unspecified address, one of those inside an IPv6 address (mapped, compatible, SIIT, NAT64, 6to4),
 * or a `localhost` / `*.localhost` name, with or without a trailing dot. A public name that
 * resolves to such an address is not caught: that needs the resolver, which a browser does not offer.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = canonicalHost(hostname);
  if (host === undefined) return false;
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (v4) return privateV4(Number(v4[1]), Number(v4[2]));
  return host.startsWith("[") && privateV6(groupsOf(host.slice(1, -1)));
}

/**
 * The host as URL parsing writes it (lower case, IPv4 in dotted decimal, IPv6 compressed), without
 * the trailing dot a fully qualified name may carry: one spelling per host, so each rule below is
 * written once. `undefined` for text that is no host.
 */
function canonicalHost(hostname: string): string | undefined {
  try {
    return new URL(`http://${hostname}/`).hostname.replace(/\.$/, "");
  } catch {
    return undefined;
  }
}

/** The eight 16-bit groups of an IPv6 address as URL parsing writes it (hex groups, one `::` at most). */
function groupsOf(v6: string): number[] {
  const [head = "", tail] = v6.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * Unique-local (`fc00::/7`), link-local (`fe80::/10`), site-local (`fec0::/10`), NAT64 for local
 * use (`64:ff9b:1::/48`), or an IPv4 address inside one that is private (`::/96` — which holds `::`
 * and `::1` — `::ffff:0:0/96` mapped, `::ffff:0:0:0/96` SIIT, `64:ff9b::/96` NAT64, `2002::/16` 6to4).
 */
function privateV6(groups: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0] = groups;
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return true;
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true;
  const zeros = (values: number[]) => values.every((value) => value === 0);
  const embedded =
    (zeros([g0, g1, g2, g3, g4]) && (g5 === 0 || g5 === 0xffff)) ||
    (zeros([g0, g1, g2, g3, g5]) && g4 === 0xffff) ||
    (g0 === 0x64 && g1 === 0xff9b && zeros([g2, g3, g4, g5]));
  if (embedded) return privateV4(g6 >> 8, g6 & 255);
  return g0 === 0x2002 && privateV4(g1 >> 8, g1 & 255);
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
