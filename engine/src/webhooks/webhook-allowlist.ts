import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import ipaddr from "ipaddr.js";
import { type IpAddress, parseAddress } from "./forbidden-address.js";

/** The administrator's exceptions to the webhook address policy. */
export interface WebhookAllowlist {
  allowsHost(hostName: string): boolean;
  allowsAddress(address: IpAddress): boolean;
}

type Cidr = readonly [IpAddress, number];

/** Lower-case ASCII (punycode) without a trailing dot, as URL host names and allow-list entries compare. */
const hostKey = (hostName: string): string => domainToASCII(hostName.toLowerCase()).replace(/\.$/, "");

/**
 * Entries are exact host names (case-insensitive, no wildcards), IP literals or CIDR ranges. An entry
 * that is none of these is ignored: a typo then denies, it never allows more.
 */
export function compileWebhookAllowlist(entries: readonly string[]): WebhookAllowlist {
  const hosts = new Set<string>();
  const ranges: Cidr[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry.includes("/")) {
      const range = parseRange(entry);
      if (range) ranges.push(range);
    } else if (isIP(entry)) {
      const address = parseAddress(entry);
      ranges.push([address, address instanceof ipaddr.IPv4 ? 32 : 128]);
    } else if (entry !== "" && !/[:@?#\s\\]/.test(entry)) {
      const key = hostKey(entry);
      if (key !== "") hosts.add(key);
    }
  }
  return {
    allowsHost: (hostName) => hosts.has(hostKey(hostName)),
    allowsAddress: (address) => ranges.some((range) => inRange(address, range)),
  };
}

function parseRange(entry: string): Cidr | undefined {
  try {
    const [network, bits] = ipaddr.parseCIDR(entry);
    // Addresses are compared after IPv4-mapped ones are unwrapped, so a mapped range must be too.
    if (network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96) {
      return [network.toIPv4Address(), bits - 96];
    }
    return [network, bits];
  } catch {
    return undefined;
  }
}

function inRange(address: IpAddress, [network, bits]: Cidr): boolean {
  if (address instanceof ipaddr.IPv4 && network instanceof ipaddr.IPv4) return address.match(network, bits);
  if (address instanceof ipaddr.IPv6 && network instanceof ipaddr.IPv6) return address.match(network, bits);
  return false;
}
