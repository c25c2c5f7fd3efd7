import { isIPv4, isIPv6 } from "node:net";

export interface LoginLimit {
  /** Failed sign-ins allowed within `windowMs`; the next attempt is refused until one expires. */
  failures: number;
  windowMs: number;
}

export interface LoginThrottleOptions {
  /** Per tenant and username, whether or not the user exists. */
  perUser: LoginLimit;
  /** Per client address (IPv6 per /64: one host usually holds the whole prefix). */
  perIp: LoginLimit;
  /** Keys tracked at most; beyond that the least recently failed ones are forgotten first. */
  maxKeys: number;
  /** Milliseconds since the epoch; injectable so tests need not wait. */
  now: () => number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  perUser: { failures: 5, windowMs: FIFTEEN_MINUTES },
  perIp: { failures: 20, windowMs: FIFTEEN_MINUTES },
  maxKeys: 100_000,
  now: () => Date.now(),
};

export interface LoginAttempt {
  tenant: string;
  username: string;
  ip: string;
}

export type LoginAdmission =
  | { admitted: true; ticket: LoginTicket }
  | { admitted: false; retryAfterSeconds: number };

/** An admitted attempt: counted as a failure from the start, forgiven by `succeeded`. */
export interface LoginTicket {
  /** The credentials were right: forgets the user's failures and this attempt's count for the address. */
  succeeded(): void;
}

export interface LoginThrottle {
  /**
   * Admits an attempt, or refuses it while the user or the address has used up its failures.
   * An admitted attempt counts as failed at once, so a burst of parallel guesses is cut off at the
   * limit rather than after every guess has been checked.
   */
  admit(attempt: LoginAttempt): LoginAdmission;
}

/** The address an IP counter is kept for: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export const ipBucket = (ip: string): string => {
  const address = ip.split("%")[0] ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
};

/** Failure times of one key, oldest first, never more than its limit needs. */
class FailureLog {
  readonly #entries = new Map<string, number[]>();

  constructor(
    readonly limit: LoginLimit,
    readonly maxKeys: number,
  ) {}

  /** Seconds until one more attempt may be made (0: now). */
  waitSeconds(key: string, now: number): number {
    const times = this.#recent(key, now);
    if (times.length < this.limit.failures) return 0;
    const oldest = times[times.length - this.limit.failures] ?? now;
    return Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000));
  }

  add(key: string, now: number): void {
    const times = this.#recent(key, now);
    times.push(now);
    if (times.length > this.limit.failures) times.splice(0, times.length - this.limit.failures);
    // Re-inserted last: the map's order is least recently failed first, the eviction order.
    this.#entries.delete(key);
    this.#entries.set(key, times);
    while (this.#entries.size > this.maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets the failure counted at `at` (one admitted attempt that turned out right). */
  remove(key: string, at: number): void {
    const times = this.#entries.get(key);
    const index = times?.lastIndexOf(at) ?? -1;
    if (times === undefined || index < 0) return;
    times.splice(index, 1);
    if (times.length === 0) this.#entries.delete(key);
  }

  clear(key: string): void {
    this.#entries.delete(key);
  }

  #recent(key: string, now: number): number[] {
    const times = this.#entries.get(key);
    if (times === undefined) return [];
    const fresh = times.filter((at) => at > now - this.limit.windowMs);
    if (fresh.length === 0) this.#entries.delete(key);
    else if (fresh.length !== times.length) this.#entries.set(key, fresh);
    return fresh;
  }
}

/**
 * Counts failed sign-ins in this process's memory, per tenant+username and per address (see
 * docs/adr/0006-rate-limits-and-audit.md for why not in the store yet). Usernames are counted
 * case-insensitively, so changing the case of a name does not buy more guesses.
 */
export const createLoginThrottle = (options: Partial<LoginThrottleOptions> = {}): LoginThrottle => {
  const settings = { ...DEFAULT_LOGIN_THROTTLE, ...options };
  const users = new FailureLog(settings.perUser, settings.maxKeys);
  const addresses = new FailureLog(settings.perIp, settings.maxKeys);
  return {
    admit(attempt) {
      const now = settings.now();
      const userKey = `${attempt.tenant}\u0000${attempt.username.toLowerCase()}`;
      const ipKey = ipBucket(attempt.ip);
      const wait = Math.max(users.waitSeconds(userKey, now), addresses.waitSeconds(ipKey, now));
      if (wait > 0) return { admitted: false, retryAfterSeconds: wait };
      users.add(userKey, now);
      addresses.add(ipKey, now);
      return {
        admitted: true,
        ticket: {
          succeeded() {
            users.clear(userKey);
            addresses.remove(ipKey, now);
          },
        },
      };
    },
  };
};
