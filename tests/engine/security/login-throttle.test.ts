import { describe, expect, it } from "vitest";
import {
  createLoginThrottle,
  ipBucket,
  type LoginAdmission,
  type LoginThrottleOptions,
} from "../../../engine/src/security/login-throttle.js";

const MINUTE = 60_000;

/** A throttle on a clock the test moves: 3 failures per user, 5 per address, per 10 minutes. */
const aThrottle = (options: Partial<LoginThrottleOptions> = {}) => {
  let now = Date.UTC(2025, 0, 1);
  const throttle = createLoginThrottle({
    perUser: { failures: 3, windowMs: 10 * MINUTE },
    perIp: { failures: 5, windowMs: 10 * MINUTE },
    now: () => now,
    ...options,
  });
  return {
    attempt: (username: string, ip = "192.0.2.1", tenant = "demo") =>
      throttle.admit({ tenant, username, ip }),
    advance: (ms: number) => {
      now += ms;
    },
  };
};

const admitted = (admission: LoginAdmission): boolean => admission.admitted;
const retryAfter = (admission: LoginAdmission): number | undefined =>
  admission.admitted ? undefined : admission.retryAfterSeconds;

describe("failures per user", () => {
  it("admits as many attempts as the limit allows, then refuses the next", () => {
    const t = aThrottle();
    expect([t.attempt("ann"), t.attempt("ann"), t.attempt("ann")].map(admitted)).toEqual([true, true, true]);
    expect(admitted(t.attempt("ann"))).toBe(false);
  });

  it("says how long to wait: until the oldest counted failure leaves the window", () => {
    const t = aThrottle();
    t.attempt("ann");
    t.advance(2 * MINUTE);
    t.attempt("ann");
    t.attempt("ann");
    t.advance(MINUTE);
    expect(retryAfter(t.attempt("ann"))).toBe(7 * 60);
    t.advance(7 * MINUTE - 1000);
    expect(retryAfter(t.attempt("ann"))).toBe(1);
    t.advance(1000);
    expect(admitted(t.attempt("ann"))).toBe(true);
  });

  it("does not count refused attempts, so waiting out the window always works", () => {
    const t = aThrottle();
    for (let i = 0; i < 3; i += 1) t.attempt("ann");
    for (let i = 0; i < 10; i += 1) t.attempt("ann");
    t.advance(10 * MINUTE);
    expect(admitted(t.attempt("ann"))).toBe(true);
  });

  it("forgets the user's failures when a sign-in succeeds", () => {
    const t = aThrottle();
    t.attempt("ann");
    t.attempt("ann");
    const right = t.attempt("ann");
    if (!right.admitted) throw new Error("expected admission");
    right.ticket.succeeded();
    expect([t.attempt("ann"), t.attempt("ann"), t.attempt("ann")].map(admitted)).toEqual([true, true, true]);
    expect(admitted(t.attempt("ann"))).toBe(false);
  });

  it("counts a username in any letter case, per tenant", () => {
    const t = aThrottle();
    t.attempt("Ann");
    t.attempt("ANN");
    t.attempt("ann");
    expect(admitted(t.attempt("aNn"))).toBe(false);
    expect(admitted(t.attempt("ann", "192.0.2.1", "acme"))).toBe(true);
    expect(admitted(t.attempt("bob"))).toBe(true);
  });
});

describe("failures per address", () => {
  it("refuses every username from an address that used up its failures", () => {
    const t = aThrottle();
    for (const name of ["a", "b", "c", "d", "e"]) expect(admitted(t.attempt(name))).toBe(true);
    expect(admitted(t.attempt("f"))).toBe(false);
    expect(admitted(t.attempt("f", "192.0.2.2"))).toBe(true);
  });

  it("does not count successful sign-ins against the address", () => {
    const t = aThrottle();
    for (let i = 0; i < 8; i += 1) {
      const admission = t.attempt(`user${i}`);
      if (!admission.admitted) throw new Error(`attempt ${i} refused`);
      admission.ticket.succeeded();
    }
    expect(admitted(t.attempt("next"))).toBe(true);
  });

  it("counts IPv6 addresses per /64 and IPv4-mapped addresses as IPv4", () => {
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
    expect(ipBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(ipBucket("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(ipBucket("192.0.2.7")).toBe("192.0.2.7");
    const t = aThrottle();
    for (let i = 1; i <= 5; i += 1) t.attempt(`u${i}`, `2001:db8:1:2::${i}`);
    expect(admitted(t.attempt("u6", "2001:db8:1:2:ffff::6"))).toBe(false);
    expect(admitted(t.attempt("u6", "2001:db8:1:3::6"))).toBe(true);
  });
});

describe("memory", () => {
  it("keeps at most maxKeys counters, forgetting the least recently failed first", () => {
    const t = aThrottle({ maxKeys: 2, perIp: { failures: 1000, windowMs: MINUTE } });
    for (let i = 0; i < 3; i += 1) t.attempt("old");
    t.attempt("mid");
    t.attempt("new");
    expect(admitted(t.attempt("old"))).toBe(true);
  });
});
