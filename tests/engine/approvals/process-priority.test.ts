import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../support/problem-assertions.js";
import {
  approval,
  buildDiscountOrg,
  type DiscountOrg,
  inboxIds,
  newQuote,
  readBack,
  simpleProcess,
  step,
} from "./discount-fixture.js";

// Three processes of quote: an inactive one that would accept everything (priority 0), a broad
// one (priority 5, above 10%) and a deep discount one (priority 2, above 50%), published in this
// order; by name the broad one would come first.
const processes = [
  simpleProcess("retired", [step("anyone", [{ type: "user", user: "fin" }])], { active: false, priority: 0 }),
  simpleProcess("anyDiscount", [step("manager", [{ type: "submitterManager" }])], {
    priority: 5,
    entryCriteria: { ">": [{ var: "discount" }, 10] },
  }),
];
const deep = simpleProcess("deepDiscount", [step("director", [{ type: "user", user: "dir" }])], {
  priority: 2,
  entryCriteria: { ">": [{ var: "discount" }, 50] },
});

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildDiscountOrg(processes, deep);
}, 60_000);
afterAll(async () => org?.close());

describe("choosing the process of a submission", () => {
  it("uses the lowest priority number whose entry criteria hold", async () => {
    const id = await newQuote(org.rep.client, 60);
    const submitted = await approval(org.rep.client, id, "submit");
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({
      process: { name: "deepDiscount" },
      currentStep: { name: "director" },
    });
    expect(await inboxIds(org.director.client)).toContain(id);
    expect(await inboxIds(org.manager.client)).not.toContain(id);
  });

  it("passes over a process whose criteria do not hold for the next one", async () => {
    const id = await newQuote(org.rep.client, 20);
    const submitted = await approval(org.rep.client, id, "submit");
    expect(submitted.body).toMatchObject({
      process: { name: "anyDiscount" },
      currentStep: { name: "manager" },
    });
    expect(await inboxIds(org.manager.client)).toContain(id);
    expect(await inboxIds(org.director.client)).not.toContain(id);
  });

  it("never uses an inactive process, even with the lowest number", async () => {
    const id = await newQuote(org.rep.client, 5);
    const refused = await approval(org.rep.client, id, "submit");
    expect(expectProblem(refused, 422).errors).toContainEqual(
      expect.objectContaining({ code: "approval.noProcess" }),
    );
    expect((await readBack(org.admin, id)).version).toBe(1);
    expect(await inboxIds(org.finance.client)).not.toContain(id);
  });

  it("enters the process chosen again when a recalled record is submitted after a change", async () => {
    const id = await newQuote(org.rep.client, 20);
    await approval(org.rep.client, id, "submit");
    await approval(org.rep.client, id, "recall");
    const record = await readBack(org.admin, id);
    const raised = await org.rep.client.patch(
      `/api/v1/records/quote/${id}`,
      { discount: 70 },
      Number(record.version),
    );
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    const again = await approval(org.rep.client, id, "submit");
    expect(again.body).toMatchObject({ status: "pending", process: { name: "deepDiscount" } });
  });
});
