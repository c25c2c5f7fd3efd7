import type { JsonObject } from "@tessera/metadata";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DraftPreview, Impact, VersionDetail } from "../../../designer/src/draft/draft-api.js";
import type { Call, Reply } from "../../runtime/support/mock-fetch.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders on a CPU shared with other suites: give the first paint time.

const visit = {
  kind: "object",
  name: "visit",
  label: { en: "Visit", "zh-CN": "拜访" },
  pluralLabel: { en: "Visits" },
  recordName: "title",
  sharingModel: "private",
  fields: [
    { name: "title", type: "text", label: { en: "Title", "zh-CN": "标题" } },
    { name: "visitDate", type: "date", label: { en: "Visit date", "zh-CN": "拜访日期" } },
  ],
};
const visitLayout = { kind: "layout", name: "visitMain", object: "visit", sections: [] };
const sales = { kind: "role", name: "sales", label: { en: "Sales" } };

const draftChanges: DraftPreview["changes"] = [
  { kind: "role", name: "sales", change: "added" },
  {
    kind: "object",
    name: "visit",
    change: "changed",
    fields: [
      { field: "visitDate", change: "added" },
      { field: "notes", change: "removed" },
      { field: "title", change: "typeChanged", from: "textarea", to: "text" },
      { field: "title", change: "changed" },
    ],
  },
  { kind: "layout", name: "visitMain", change: "changed" },
  { kind: "object", name: "legacy", change: "removed" },
];
const lossyImpact: Impact[] = [
  {
    object: "visit",
    field: "notes",
    severity: "destructive",
    code: "field.removed",
    records: 3,
    message: 'Removing "notes" deletes its value from 3 record(s).',
  },
  {
    object: "legacy",
    severity: "destructive",
    code: "object.removed",
    records: 2,
    message: 'Removing object "legacy" deletes its 2 record(s).',
  },
];

/** The engine's publish side, as the page sees it over HTTP: preview, publish, discard, versions. */
class FakePublisher {
  preview: DraftPreview = { changes: draftChanges, impact: [], issues: [] };
  versions: VersionDetail[] = [
    {
      version: 2,
      publishedAt: "2026-10-02T09:30:00.000Z",
      publishedBy: "u1",
      changes: [{ kind: "role", name: "sales", change: "changed" }],
      documents: [{ ...sales, label: { en: "Sales team" } }, visit],
    },
    {
      version: 1,
      publishedAt: "2026-10-01T08:00:00.000Z",
      publishedBy: "u1",
      changes: [
        { kind: "role", name: "sales", change: "added" },
        { kind: "object", name: "visit", change: "added" },
      ],
      documents: [sales, visit],
    },
  ];
  /** Answers of successive publish calls, first first; then 200 with the next version. */
  publishAnswers: Reply[] = [];
  discardAnswer: Reply = { status: 204 };

  handle = (call: Call): Reply | undefined => {
    if (call.method === "POST" && call.path === "/api/v1/metadata/draft/preview")
      return { body: this.preview };
    if (call.method === "POST" && call.path === "/api/v1/metadata/publish") {
      const answer = this.publishAnswers.shift();
      if (answer !== undefined) return answer;
      const version = (this.versions[0]?.version ?? 0) + 1;
      this.versions.unshift({
        version,
        publishedAt: "2026-11-02T10:00:00.000Z",
        publishedBy: "u1",
        changes: this.preview.changes,
        documents: [],
      });
      const published = {
        version,
        changes: this.preview.changes,
        impact: this.preview.impact,
        migratedRecords: 0,
      };
      this.preview = { changes: [], impact: [], issues: [] };
      return { body: published };
    }
    if (call.method === "POST" && call.path === "/api/v1/metadata/draft/discard") return this.discardAnswer;
    if (call.method === "GET" && call.path === "/api/v1/metadata/versions")
      return {
        body: {
          versions: this.versions.map(({ version, publishedAt, publishedBy }) => ({
            version,
            publishedAt,
            publishedBy,
          })),
        },
      };
    const version = /^\/api\/v1\/metadata\/versions\/(\d+)$/.exec(call.path);
    if (call.method === "GET" && version !== null) {
      const found = this.versions.find((v) => v.version === Number(version[1]));
      return found === undefined ? { status: 404, body: { title: "No version" } } : { body: found };
    }
    if (call.method === "GET" && call.path === "/api/v1/records/user/u1")
      return { body: { id: "u1", name: "Ada Admin" } };
    return undefined;
  };
}

const conflict = (code: string, impact: Impact[]): Reply => ({
  status: 409,
  body: { status: 409, code, title: "Refused", errors: [], impact, changes: draftChanges },
});

const open = (publisher = new FakePublisher(), locale: "en" | "zh-CN" = "en") => {
  const draft = new FakeDraft([visit, visitLayout, sales] as JsonObject[]);
  const view = renderDesigner("/publish", draft, publisher.handle, locale);
  return { ...view, publisher, draft };
};
const count = (calls: readonly Call[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.path === path).length;
const section = (name: string) => {
  const heading = screen.getByRole("heading", { name });
  return within(heading.closest("section") as HTMLElement);
};

describe("the draft's change list", () => {
  it("groups the changed documents by kind and says what happened to each field", async () => {
    open();
    await screen.findByText("Field Visit date added");
    const changes = section("Changes");
    expect(changes.getByRole("heading", { name: "Object" })).toBeTruthy();
    expect(changes.getByRole("heading", { name: "Role" })).toBeTruthy();
    expect(changes.getByText("Field notes deleted, with its values")).toBeTruthy();
    expect(changes.getByText("Field Title changes type from Long text to Text")).toBeTruthy();
    expect(changes.queryByText("Field Title: settings changed")).toBeNull();
  });

  it("links each document still in the draft to its editor, a layout under its object", async () => {
    open();
    const changes = await waitFor(() => section("Changes"));
    await changes.findByRole("link", { name: "visit" });
    expect(changes.getByRole("link", { name: "visit" }).getAttribute("href")).toBe("/objects/visit");
    expect(changes.getByRole("link", { name: "visitMain" }).getAttribute("href")).toBe(
      "/objects/visit/layouts/visitMain",
    );
    expect(changes.getByRole("link", { name: "sales" }).getAttribute("href")).toBe("/json/role/sales");
    expect(changes.queryByRole("link", { name: "legacy" })).toBeNull();
    expect(changes.getByText("legacy")).toBeTruthy();
  });

  it("speaks Chinese to a Chinese-speaking admin", async () => {
    open(new FakePublisher(), "zh-CN");
    await screen.findByText("新增字段 拜访日期");
    expect(screen.getByRole("heading", { name: "更改" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "数据影响" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "版本历史" })).toBeTruthy();
    // Ant Design spaces out a two-character Chinese button label.
    expect(screen.getByRole("button", { name: /^发\s?布$/ })).toBeTruthy();
  });

  it("says there is nothing to publish, and the Publish button stays disabled", async () => {
    const publisher = new FakePublisher();
    publisher.preview = { changes: [], impact: [], issues: [] };
    open(publisher);
    await screen.findByText("The draft is the same as the published version: nothing to publish.");
    expect(screen.getByRole("button", { name: "Publish" }).hasAttribute("disabled")).toBe(true);
  });
});

describe("the problems publishing would refuse", () => {
  it("lists each with a link to its document's editor and disables Publish", async () => {
    const publisher = new FakePublisher();
    publisher.preview = {
      ...publisher.preview,
      issues: [
        {
          path: "/layout/visitMain/sections/0/items/2/field",
          code: "layout.unknownField",
          message: 'layout/visitMain: No field "notes".',
        },
        {
          path: "/listView/openVisits/filter",
          code: "listView.unknownObject",
          message: "listView/openVisits: No object.",
        },
      ],
    };
    open(publisher);
    const problems = await waitFor(() => section("Problems to fix before publishing"));
    expect(problems.getByRole("link", { name: "layout visitMain" }).getAttribute("href")).toBe(
      "/objects/visit/layouts/visitMain",
    );
    expect(problems.getByRole("link", { name: "listView openVisits" }).getAttribute("href")).toBe(
      "/json/listView/openVisits",
    );
    expect(problems.getByText(/No field "notes"\./)).toBeTruthy();
    expect(problems.getByText("at /sections/0/items/2/field")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Publish" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("Fix the problems first.")).toBeTruthy();
  });
});

describe("the data-impact report", () => {
  it("shows object, field, records, what happens and severity", async () => {
    const publisher = new FakePublisher();
    publisher.preview = { ...publisher.preview, impact: lossyImpact };
    open(publisher);
    await screen.findByText("Deleting the field deletes its value from 3 record(s).");
    const impact = section("Data impact");
    const row = impact.getByText("notes").closest("tr") as HTMLElement;
    expect(within(row).getByText("visit")).toBeTruthy();
    expect(within(row).getByText("3")).toBeTruthy();
    expect(within(row).getByText("Data loss")).toBeTruthy();
    expect(impact.getByText("Deleting the object deletes its 2 record(s).")).toBeTruthy();
  });

  it("says so when publishing changes no record", async () => {
    open();
    await screen.findByText("Publishing changes no existing record.");
  });
});

describe("publishing", () => {
  it("publishes, reports the version, and refreshes the session, the draft and the preview", async () => {
    const { calls } = open();
    const button = await screen.findByRole("button", { name: "Publish" });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    const before = {
      bootstrap: count(calls, "GET", "/api/v1/ui/bootstrap"),
      draft: count(calls, "GET", "/api/v1/metadata/draft/documents"),
      preview: count(calls, "POST", "/api/v1/metadata/draft/preview"),
    };
    await userEvent.click(button);
    expect((await screen.findAllByText("Published as version 3.")).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.path === "/api/v1/metadata/publish")?.body).toEqual({});
    await waitFor(() =>
      expect(count(calls, "POST", "/api/v1/metadata/draft/preview")).toBe(before.preview + 1),
    );
    expect(count(calls, "GET", "/api/v1/ui/bootstrap")).toBe(before.bootstrap + 1);
    expect(count(calls, "GET", "/api/v1/metadata/draft/documents")).toBe(before.draft + 1);
    await screen.findByText("The draft is the same as the published version: nothing to publish.");
    expect(await screen.findByRole("button", { name: "Show version 3" })).toBeTruthy();
  });

  it("asks before losing data, and publishes with force only once the admin ticks the box", async () => {
    const publisher = new FakePublisher();
    publisher.publishAnswers = [conflict("publish.destructive", lossyImpact)];
    const { calls } = open(publisher);
    const button = await screen.findByRole("button", { name: "Publish" });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    await userEvent.click(button);
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Deleting the field deletes its value from 3 record(s).")).toBeTruthy();
    const anyway = within(dialog).getByRole("button", { name: "Publish anyway" });
    expect(anyway.hasAttribute("disabled")).toBe(true);
    await userEvent.click(within(dialog).getByRole("checkbox", { name: "I understand 5 records lose data" }));
    expect(anyway.hasAttribute("disabled")).toBe(false);
    await userEvent.click(anyway);
    expect((await screen.findAllByText("Published as version 3.")).length).toBeGreaterThan(0);
    const publishes = calls.filter((c) => c.path === "/api/v1/metadata/publish").map((c) => c.body);
    expect(publishes).toEqual([{}, { force: true }]);
  });

  it("publishes nothing when the admin cancels the confirmation", async () => {
    const publisher = new FakePublisher();
    publisher.publishAnswers = [conflict("publish.destructive", lossyImpact)];
    const { calls } = open(publisher);
    const button = await screen.findByRole("button", { name: "Publish" });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    await userEvent.click(button);
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls.filter((c) => c.path === "/api/v1/metadata/publish")).toHaveLength(1);
    expect(screen.queryByText("Published as version 3.")).toBeNull();
  });

  it("explains that a blocked draft cannot be published, with what blocks it", async () => {
    const publisher = new FakePublisher();
    const blocking: Impact = {
      object: "visit",
      field: "title",
      severity: "blocking",
      code: "field.uniqueAdded",
      records: 4,
      message: "cannot become unique",
    };
    publisher.publishAnswers = [conflict("publish.blocked", [blocking])];
    open(publisher);
    const button = await screen.findByRole("button", { name: "Publish" });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    await userEvent.click(button);
    expect(await screen.findByText("This draft cannot be published over the existing data")).toBeTruthy();
    expect(screen.getByText("4 record(s) share a value with another record. Fix them first.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("discarding the draft", () => {
  it("asks first, then makes the draft the published version and reloads it", async () => {
    const { calls } = open();
    await userEvent.click(await screen.findByRole("button", { name: "Discard draft changes" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Discard every change of the draft?")).toBeTruthy();
    expect(count(calls, "POST", "/api/v1/metadata/draft/discard")).toBe(0);
    const reloads = count(calls, "GET", "/api/v1/metadata/draft/documents");
    await userEvent.click(within(dialog).getByRole("button", { name: "Discard changes" }));
    expect((await screen.findAllByText("The draft is the published version again.")).length).toBeGreaterThan(
      0,
    );
    expect(count(calls, "POST", "/api/v1/metadata/draft/discard")).toBe(1);
    expect(count(calls, "GET", "/api/v1/metadata/draft/documents")).toBe(reloads + 1);
  });

  it("keeps the draft when the admin changes their mind", async () => {
    const { calls } = open();
    await userEvent.click(await screen.findByRole("button", { name: "Discard draft changes" }));
    await userEvent.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Keep the changes" }),
    );
    expect(count(calls, "POST", "/api/v1/metadata/draft/discard")).toBe(0);
  });
});

describe("the version history", () => {
  it("lists versions with who published them, and shows one's changes and differences", async () => {
    const { calls } = open();
    const history = await waitFor(() => section("Version history"));
    expect((await history.findAllByText("Ada Admin")).length).toBe(2);
    await userEvent.click(history.getByRole("button", { name: "Show version 2" }));
    const detail = await screen.findByRole("region", { name: "Version 2" });
    expect(calls.some((c) => c.path === "/api/v1/metadata/versions/2")).toBe(true);
    expect(calls.some((c) => c.path === "/api/v1/metadata/versions/1")).toBe(true);
    expect(within(detail).getByText("/label/en")).toBeTruthy();
    expect(within(detail).getByText('"Sales"')).toBeTruthy();
    expect(within(detail).getByText('"Sales team"')).toBeTruthy();
  });

  it("shows the first version's documents as added, whole", async () => {
    open();
    const history = await waitFor(() => section("Version history"));
    await userEvent.click(await history.findByRole("button", { name: "Show version 1" }));
    const detail = await screen.findByRole("region", { name: "Version 1" });
    expect(within(detail).getByText("The first version: every document was added.")).toBeTruthy();
    expect(within(detail).getAllByText("Whole document")).toHaveLength(2);
  });
});
