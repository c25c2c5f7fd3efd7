import ipaddr from "ipaddr.js";

// ipaddr.js rather than node:net BlockList: unwrapping the IPv4 address carried inside an IPv6 one
// (IPv4-mapped, 6to4, NAT64) needs the address bytes, and the administrator's error names the range that
// matched; BlockList answers only yes or no. The tables are ours rather than ipaddr's `range()`, whose
// 1.9.1 lists miss 198.18.0.0/15 and most IPv6 special-purpose blocks.

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

interface ForbiddenRange<A extends IpAddress> {
  network: A;
  bits: number;
  reason: string;
}

const v4 = (cidr: string, reason: string): ForbiddenRange<ipaddr.IPv4> => {
  const [network, bits] = ipaddr.IPv4.parseCIDR(cidr);
  return { network, bits, reason };
};

const v6 = (cidr: string, reason: string): ForbiddenRange<ipaddr.IPv6> => {
  const [network, bits] = ipaddr.IPv6.parseCIDR(cidr);
  return { network, bits, reason };
};

// First match names the reason, so narrower blocks come before the blocks that contain them.
const IPV4_FORBIDDEN: readonly ForbiddenRange<ipaddr.IPv4>[] = [
  v4("0.0.0.0/8", 'an unspecified ("this network") address'),
  v4("10.0.0.0/8", "a private-network address"),
  v4("100.64.0.0/10", "a carrier-grade NAT address"),
  v4("127.0.0.0/8", "a loopback address"),
  v4("169.254.0.0/16", "a link-local address (this includes cloud metadata services)"),
  v4("172.16.0.0/12", "a private-network address"),
  v4("192.0.0.0/24", "an IETF protocol address"),
  v4("192.0.2.0/24", "a documentation address"),
  v4("192.88.99.0/24", "a 6to4 relay address"),
  v4("192.168.0.0/16", "a private-network address"),
  v4("198.18.0.0/15", "a benchmarking address"),
  v4("198.51.100.0/24", "a documentation address"),
  v4("203.0.113.0/24", "a documentation address"),
  v4("224.0.0.0/4", "a multicast address"),
  v4("255.255.255.255/32", "the broadcast address"),
  v4("240.0.0.0/4", "a reserved address"),
];

const IPV6_FORBIDDEN: readonly ForbiddenRange<ipaddr.IPv6>[] = [
  v6("::/128", "the unspecified address"),
  v6("::1/128", "the loopback address"),
  v6("::/96", "an IPv4-compatible address (deprecated)"),
  v6("::ffff:0:0:0/96", "an IPv4-translated address"),
  v6("64:ff9b:1::/48", "a local-use NAT64 address"),
  v6("100::/64", "a discard-only address"),
  v6("2001:db8::/32", "a documentation address"),
  // Teredo (2001::/32), benchmarking and ORCHID live here; no webhook receiver does.
  v6("2001::/23", "an IETF protocol address"),
  v6("3fff::/20", "a documentation address"),
  v6("5f00::/16", "an SRv6 segment address"),
  v6("fc00::/7", "a unique-local (private) address"),
  v6("fe80::/10", "a link-local address"),
  v6("fec0::/10", "a site-local address"),
  v6("ff00::/8", "a multicast address"),
];

const [GLOBAL_UNICAST, GLOBAL_UNICAST_BITS] = ipaddr.IPv6.parseCIDR("2000::/3");
const [NAT64, NAT64_BITS] = ipaddr.IPv6.parseCIDR("64:ff9b::/96");
const [SIX_TO_FOUR, SIX_TO_FOUR_BITS] = ipaddr.IPv6.parseCIDR("2002::/16");

const ipv4FromParts = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** Parses an IP literal; an IPv4-mapped IPv6 address becomes the IPv4 address it stands for. */
export const parseAddress = (literal: string): IpAddress => ipaddr.process(literal);

/**
 * Why a webhook may not connect to this address, or undefined for a public unicast address.
 * IPv6 is allowed only inside global unicast (2000::/3) or as NAT64, and IPv4 carried inside IPv6 is
 * judged as the IPv4 address it reaches.
 */
export function forbiddenAddressReason(address: IpAddress): string | undefined {
  if (address instanceof ipaddr.IPv4) {
    return IPV4_FORBIDDEN.find(({ network, bits }) => address.match(network, bits))?.reason;
  }
  const parts = address.parts;
  if (address.isIPv4MappedAddress()) return embedded("an IPv4-mapped", address.toIPv4Address());
  if (address.match(NAT64, NAT64_BITS)) {
    return embedded("a NAT64", ipv4FromParts(parts[6] ?? 0, parts[7] ?? 0));
  }
  if (address.match(SIX_TO_FOUR, SIX_TO_FOUR_BITS)) {
    return embedded("a 6to4", ipv4FromParts(parts[1] ?? 0, parts[2] ?? 0));
  }
  const special = IPV6_FORBIDDEN.find(({ network, bits }) => address.match(network, bits));
  if (special) return special.reason;
  if (!address.match(GLOBAL_UNICAST, GLOBAL_UNICAST_BITS)) return "a reserved IPv6 address";
  return undefined;
}

function embedded(kind: string, inner: ipaddr.IPv4): string | undefined {
  const reason = forbiddenAddressReason(inner);
  return reason === undefined ? undefined : `${kind} address carrying ${reason}`;
}
