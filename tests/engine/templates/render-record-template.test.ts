import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRecordTemplate, TemplateError } from "../../../engine/src/templates/index.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { aTemplate, buildTemplateWorld, compiled, type TemplateWorld } from "./template-readers.js";

let t: TestServer;
let w: TemplateWorld;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildTemplateWorld(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const text = (body: string, object = "opportunity") =>
  compiled(aTemplate("probe", "notification", { en: body }, { object }));

describe("field-level security", () => {
  const amount = text("[{{record.amount}}][{{display.amount}}][{{labels.amount}}]");

  it("shows a field the reader may read", async () => {
    const rendered = await renderRecordTemplate(w.admin, amount, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered.body).toBe("[1234.5][CN¥1,234.50][Amount]");
  });

  it("renders a field the reader may not read as empty, label included", async () => {
    const rendered = await renderRecordTemplate(w.lin, amount, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered.body).toBe("[][][]");
  });

  it("renders every field empty when the reader may not read the object", async () => {
    const lead = text(
      "[{{record.lastName}}][{{record.id}}][{{display.company}}][{{owner.id}}]{{objectLabel}}",
      "lead",
    );
    const asAdmin = await renderRecordTemplate(w.admin, lead, { object: "lead", record: w.lead });
    expect(asAdmin.body).toBe(`[Secret][${w.lead.id}][Secret Lead Co][${w.lead.ownerId}]Lead`);
    const asLin = await renderRecordTemplate(w.lin, lead, { object: "lead", record: w.lead });
    expect(asLin.body).toBe("[][][][]线索");
  });

  it("never shows the engine's _-prefixed keys, whoever reads", async () => {
    const keys = text("{{#each record}}{{@key}};{{/each}}|{{record._approval.status}}|{{_approval.status}}");
    const record = { ...w.visibleLookupDeal, _approval: { status: "pending", comment: "secret" } };
    for (const reader of [w.admin, w.lin]) {
      const rendered = await renderRecordTemplate(reader, keys, { object: "opportunity", record });
      expect(rendered.body).not.toContain("_approval");
      expect(rendered.body).toMatch(/\|\|$/);
      expect(rendered.body).toContain("id;");
    }
  });
});

describe("references", () => {
  const account = text(
    "[{{display.account}}][{{related.account.name}}][{{relatedDisplay.account.industry}}]",
  );

  it("names a referenced record the reader may see, with its readable fields", async () => {
    const rendered = await renderRecordTemplate(w.lin, account, {
      object: "opportunity",
      record: w.visibleLookupDeal,
    });
    expect(rendered.body).toBe("[Lin Visible Co][Lin Visible Co][信息技术]");
  });

  it("applies the reader's field-level security to the referenced record", async () => {
    const revenue = text("[{{related.account.annualRevenue}}][{{relatedDisplay.account.annualRevenue}}]");
    const input = { object: "opportunity", record: w.visibleLookupDeal };
    expect((await renderRecordTemplate(w.lin, revenue, input)).body).toBe("[][]");
    expect((await renderRecordTemplate(w.admin, revenue, input)).body).toBe("[5000000][CN¥5,000,000.00]");
  });

  it("renders no name and no related record when the reader may not see the referenced record", async () => {
    const rendered = await renderRecordTemplate(w.lin, account, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered.body).toBe("[][][]");
    const asAdmin = await renderRecordTemplate(w.admin, account, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(asAdmin.body).toBe("[Hidden Account Ltd][Hidden Account Ltd][]");
  });

  it("names the owner when the reader may read users' names", async () => {
    const owner = text("{{owner.id}}:{{owner.name}}:{{display.ownerId}}");
    const rendered = await renderRecordTemplate(w.lin, owner, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered.body).toBe(`${w.linId}:Lin Xiaoming:Lin Xiaoming`);
  });
});

describe("the reader's language and formats", () => {
  it("shows picklist labels in English and in Chinese", async () => {
    const stage = text("{{labels.stage}}: {{display.stage}} ({{record.stage}})");
    const en = await renderRecordTemplate(w.admin, stage, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(en.body).toBe("Stage: Proposal (proposal)");
    const zh = await renderRecordTemplate(w.lin, stage, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(zh.body).toBe("阶段: 方案报价 (proposal)");
  });

  it("formats percentages, dates, formula checkboxes and datetimes in the reader's time zone", async () => {
    const formats = text(
      "{{display.probability}}|{{display.closeDate}}|{{display.isClosed}}|{{display.createdAt}}|{{formatDate record.createdAt}}|{{formatPercent record.probability}}",
    );
    const record = { ...w.hiddenLookupDeal, createdAt: "2027-01-31T20:00:00.000Z" };
    const en = await renderRecordTemplate(w.admin, formats, { object: "opportunity", record });
    expect(en.body).toBe("60%|Feb 15, 2027|No|Feb 1, 2027, 4:00 AM|Feb 1, 2027, 4:00 AM|60%");
    const zh = await renderRecordTemplate(w.lin, formats, { object: "opportunity", record });
    expect(zh.body).toBe("60%|2027年2月15日|否|2027年1月31日 21:00|2027年1月31日 21:00|60%");
  });

  it("falls back to the English source when there is no Chinese one", async () => {
    const onlyEn = compiled(
      aTemplate(
        "onlyEn",
        "email",
        { en: "<p>Stage: {{display.stage}}</p>" },
        { subject: { en: "Deal {{display.stage}}" }, object: "opportunity" },
      ),
    );
    const rendered = await renderRecordTemplate(w.lin, onlyEn, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered).toEqual({
      subject: "Deal 方案报价",
      body: "<p>Stage: 方案报价</p>",
      text: "Stage: 方案报价",
    });
  });

  it("uses the Chinese source for a Chinese reader when there is one", async () => {
    const both = compiled(
      aTemplate("both", "notification", { en: "Stage {{display.stage}}", "zh-CN": "阶段 {{display.stage}}" }),
    );
    const zh = await renderRecordTemplate(w.lin, both, { object: "opportunity", record: w.hiddenLookupDeal });
    expect(zh.body).toBe("阶段 方案报价");
    const en = await renderRecordTemplate(w.admin, both, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(en.body).toBe("Stage Proposal");
  });
});

describe("output safety", () => {
  it("escapes values in an HTML body and gives its plain text", async () => {
    const email = compiled(
      aTemplate(
        "escape",
        "email",
        { en: "<p>Hello&nbsp;{{record.name}}</p><script>x()</script><p>Bye &amp; thanks</p>" },
        { subject: { en: "About {{record.name}}" } },
      ),
    );
    const rendered = await renderRecordTemplate(w.admin, email, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered.body).toBe(
      "<p>Hello&nbsp;Deal &lt;script&gt;alert(1)&lt;/script&gt;</p><script>x()</script><p>Bye &amp; thanks</p>",
    );
    expect(rendered.text).toBe("Hello Deal <script>alert(1)</script>\n\nBye & thanks");
    expect(rendered.subject).toBe("About Deal <script>alert(1)</script>");
  });

  it("keeps the subject on one line when a value holds CR and LF", async () => {
    const email = compiled(
      aTemplate(
        "subject",
        "email",
        { en: "<p>{{record.description}}</p>" },
        { subject: { en: "Re: {{record.description}}" } },
      ),
    );
    const rendered = await renderRecordTemplate(w.admin, email, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
    });
    expect(rendered.subject).toBe("Re: Line one Bcc: attacker@example.com Line three");
  });

  it("passes extra values through, escaped in HTML", async () => {
    const email = compiled(aTemplate("extra", "email", { en: "<p>{{extra.comment}} / {{extra.step}}</p>" }));
    const rendered = await renderRecordTemplate(w.admin, email, {
      object: "opportunity",
      record: w.hiddenLookupDeal,
      extra: { comment: "<b>ok</b>", step: 2 },
    });
    expect(rendered.body).toBe("<p>&lt;b&gt;ok&lt;/b&gt; / 2</p>");
  });

  it("refuses to render a template for another object's record", async () => {
    const forLeads = text("{{record.lastName}}", "lead");
    await expect(
      renderRecordTemplate(w.admin, forLeads, { object: "opportunity", record: w.hiddenLookupDeal }),
    ).rejects.toThrow(TemplateError);
  });
});
