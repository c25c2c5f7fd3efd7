import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportView } from "../../../runtime/src/imports/import-api.js";
import {
  type Call,
  captureDownloads,
  type Handler,
  READ_ONLY,
  renderAt,
  serveApi,
  sessionServer,
  uploaded,
} from "./data-harness.js";
import { choose, optionsOf } from "./select-helpers.js";

// antd in happy-dom renders slowly on a busy machine; these are not timing tests.
const SLOW = { timeout: 60_000 };

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const location = () => screen.getByTestId("location").textContent ?? "";
const importCalls = (calls: readonly Call[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.path === path);
const count = (name: string) => document.querySelector(`[data-count="${name}"]`);

/** The settings the suggested mapping sends unchanged. */
const suggestedSettings = {
  mapping: [
    { column: "Name", field: "title", transform: { trim: true } },
    { column: "Phase", field: "stage", transform: { trim: true } },
    { column: "Value", field: "amount", transform: { trim: true } },
    { column: "Company", field: "account", transform: { trim: true, lookupBy: "name" } },
    { column: "Notes", field: null },
  ],
  mode: "insert" as const,
  automation: true,
};

const mapped = (extra: Partial<ImportView> = {}) =>
  uploaded({ status: "mapped", settings: suggestedSettings, ...extra });

/** An import the server holds as `view`; `more` answers the wizard's other requests first. */
const importServer = (view: () => ImportView, more: Handler = () => undefined, session = {}) =>
  sessionServer((call) => {
    const answer = more(call);
    if (answer !== undefined) return answer;
    if (call.method === "GET" && call.path === "/api/v1/imports/imp1") return { body: view() };
    if (call.method === "GET" && call.path === "/api/v1/imports") return { body: { imports: [] } };
    if (call.method === "GET" && call.path === "/api/v1/import-mappings") return { body: { mappings: [] } };
    return undefined;
  }, session);

const openWizard = async (path = "/o/deal/import?id=imp1") => {
  renderAt(path);
  await screen.findByRole("heading", { level: 2, name: "Import Deals" });
};

/** The wizard at the mapping step of imp1. */
const openMapping = async () => {
  await openWizard();
  await screen.findByRole("combobox", { name: "Field for column Notes" });
};

/** antd's button-style radios let no pointer reach their input: a click is sent to it directly. */
const pickRadio = (name: string) => fireEvent.click(screen.getByRole("radio", { name }));

describe("upload", SLOW, () => {
  it("sends the file and the object as multipart with the session's token, then maps the columns", async () => {
    const calls = serveApi(
      importServer(
        () => uploaded(),
        (call) =>
          call.method === "POST" && call.path === "/api/v1/imports"
            ? { status: 201, body: uploaded() }
            : undefined,
      ),
    );
    await openWizard("/o/deal/import");
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (input === null) throw new Error("no file input");
    await userEvent.upload(
      input,
      new File(["Name,Phase\nBig deal,Won\n"], "deals.csv", { type: "text/csv" }),
    );

    await screen.findByRole("combobox", { name: "Field for column Phase" });
    const post = importCalls(calls, "POST", "/api/v1/imports")[0];
    expect(post?.headers.authorization).toBe("Bearer test-token");
    expect(post?.form?.get("object")).toBe("deal");
    const file = post?.form?.get("file");
    expect(file instanceof File && file.name).toBe("deals.csv");
    await waitFor(() => expect(location()).toBe("/o/deal/import?id=imp1"));
    expect(screen.getByText("deals.csv: 1200 rows, 5 columns.")).toBeTruthy();
    // Sample values: distinct, trimmed, in order.
    const phase = screen.getByText("Phase").closest("tr") as HTMLElement;
    expect(within(phase).getByText("Won · gewonnen · Open")).toBeTruthy();
  });

  it("shows the server's problems when it refuses the file", async () => {
    serveApi(
      importServer(
        () => uploaded(),
        (call) =>
          call.method === "POST" && call.path === "/api/v1/imports"
            ? {
                status: 422,
                body: {
                  title: "The file cannot be imported",
                  errors: [
                    { path: "/file", code: "import.encoding", message: "The file is not valid UTF-8." },
                  ],
                },
              }
            : undefined,
      ),
    );
    await openWizard("/o/deal/import");
    const input = document.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(["\xff\xfe"], "deals.csv", { type: "text/csv" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The file could not be uploaded")).toBeTruthy();
    expect(within(alert).getByText("The file is not valid UTF-8.")).toBeTruthy();
    expect(location()).toBe("/o/deal/import");
  });

  it("refuses a file that is neither CSV nor XLSX without sending it", async () => {
    const calls = serveApi(importServer(() => uploaded()));
    await openWizard("/o/deal/import");
    const input = document.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    await userEvent.setup({ applyAccept: false }).upload(input, new File(["%PDF"], "deals.pdf"));
    expect(await screen.findByText("Choose a .csv or .xlsx file.")).toBeTruthy();
    expect(importCalls(calls, "POST", "/api/v1/imports")).toHaveLength(0);
  });

  it("lists the user's recent imports of the object, linking back to each", async () => {
    serveApi(
      importServer(
        () => uploaded(),
        (call) =>
          call.method === "GET" && call.path === "/api/v1/imports" && call.query.get("object") === "deal"
            ? { body: { imports: [mapped({ id: "imp0", fileName: "old.csv", status: "completed" })] } }
            : undefined,
      ),
    );
    await openWizard("/o/deal/import");
    const link = await screen.findByRole("link", { name: "old.csv" });
    expect(link.getAttribute("href")).toBe("/o/deal/import?id=imp0");
    expect(within(link.closest("tr") as HTMLElement).getByText("Completed")).toBeTruthy();
  });

  it("is refused to users who may neither create nor edit the object's records", async () => {
    serveApi(importServer(() => uploaded(), undefined, { permissions: READ_ONLY }));
    renderAt("/o/deal/import");
    expect(await screen.findByText("You may not import records of this kind.")).toBeTruthy();
  });
});

describe("mapping", SLOW, () => {
  const putSettings = (calls: readonly Call[]) => importCalls(calls, "PUT", "/api/v1/imports/imp1/settings");
  const acceptSettings: Handler = (call) =>
    call.method === "PUT" && call.path === "/api/v1/imports/imp1/settings"
      ? { body: uploaded({ status: "mapped", settings: call.body as ImportView["settings"] }) }
      : undefined;

  it("sends the suggested mapping as the exact settings when nothing is changed", async () => {
    const calls = serveApi(importServer(() => uploaded(), acceptSettings));
    await openWizard();
    await userEvent.click(await screen.findByRole("button", { name: "Next" }));
    await screen.findByText("The first 3 of 1200 rows, as they will be imported.");
    expect(putSettings(calls).map((c) => c.body)).toEqual([suggestedSettings]);
  });

  it("turns every edit into the settings payload: fields, trim, value map, lookup key, mode, match, dates, automation", async () => {
    const calls = serveApi(importServer(() => uploaded(), acceptSettings));
    await openMapping();

    pickRadio("Update or insert");
    await choose("Field for column Notes", "Deal Code");
    await choose("Match records by", "Deal Code");
    await userEvent.click(screen.getByRole("checkbox", { name: "Trim spaces in column Value" }));
    // "gewonnen" names no stage option (by value or label): it gets one.
    await choose("Option for “gewonnen” in column Phase", "Won");
    await choose("Find the record of column Company by", "Account Key");
    await choose("Date format", "DD/MM/YYYY");
    await userEvent.click(screen.getByRole("switch", { name: "Run automation rules" }));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));

    await waitFor(() => expect(putSettings(calls)).toHaveLength(1));
    expect(putSettings(calls)[0]?.body).toEqual({
      mapping: [
        { column: "Name", field: "title", transform: { trim: true } },
        { column: "Phase", field: "stage", transform: { trim: true, valueMap: { gewonnen: "won" } } },
        { column: "Value", field: "amount", transform: { trim: false } },
        { column: "Company", field: "account", transform: { trim: true, lookupBy: "accountKey" } },
        { column: "Notes", field: "code", transform: { trim: true } },
      ],
      mode: "upsert",
      matchField: "code",
      automation: false,
      dateFormat: "DD/MM/YYYY",
    });
  });

  it("offers only the fields the user may edit, and the record id only to match records", async () => {
    serveApi(importServer(() => uploaded()));
    await openMapping();
    const inserting = await optionsOf("Field for column Notes");
    expect(inserting).toEqual([
      "Do not import",
      "Deal Title",
      "Deal Code",
      "Stage",
      "Amount",
      "Close On",
      "Account",
      "Contact Email",
    ]);
    pickRadio("Update existing records");
    expect(await optionsOf("Field for column Notes")).toContain("Record ID");
    expect(await optionsOf("Match records by")).toEqual(["Record ID", "Deal Code"]);
  });

  it("offers a user who may edit but not create only the update", async () => {
    serveApi(
      importServer(() => uploaded(), undefined, {
        permissions: { create: false, edit: true, delete: false },
      }),
    );
    await openMapping();
    expect(screen.queryByRole("radio", { name: "Insert new records" })).toBeNull();
    expect(screen.queryByRole("radio", { name: "Update or insert" })).toBeNull();
    expect((screen.getByRole("radio", { name: "Update existing records" }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it("stops a field mapped twice, and an update without a mapped match field, before sending", async () => {
    const calls = serveApi(importServer(() => uploaded(), acceptSettings));
    await openMapping();
    await choose("Field for column Notes", "Deal Title");
    expect(
      await screen.findByText("Deal Title is filled by more than one column: Name, Notes."),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Next" }).hasAttribute("disabled")).toBe(true);

    await choose("Field for column Notes", "Do not import");
    pickRadio("Update existing records");
    expect(await screen.findByText("Choose the field that matches existing records.")).toBeTruthy();
    await choose("Match records by", "Deal Code");
    expect(
      await screen.findByText("No column fills Deal Code, the field that matches existing records."),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Next" }).hasAttribute("disabled")).toBe(true);
    expect(putSettings(calls)).toHaveLength(0);
  });

  it("shows the server's refusal by column and stays on the mapping", async () => {
    serveApi(
      importServer(
        () => uploaded(),
        (call) =>
          call.method === "PUT"
            ? {
                status: 422,
                body: {
                  title: "Invalid mapping",
                  errors: [
                    {
                      path: "/mapping/2/field",
                      code: "import.notEditable",
                      message: "You may not edit Amount.",
                    },
                  ],
                },
              }
            : undefined,
      ),
    );
    await openWizard();
    await userEvent.click(await screen.findByRole("button", { name: "Next" }));
    expect(await screen.findByText("Column Value: You may not edit Amount.")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Field for column Value" })).toBeTruthy();
  });

  it("loads a saved mapping into the columns it names, and saves the current one under a name", async () => {
    const calls = serveApi(
      importServer(
        () => uploaded(),
        (call) => {
          if (call.method === "GET" && call.path === "/api/v1/import-mappings")
            return {
              body: {
                mappings: [
                  {
                    name: "crm export",
                    object: "deal",
                    mapping: [{ column: "Notes", field: "code", transform: { trim: false } }],
                    mode: "update",
                    matchField: "code",
                  },
                ],
              },
            };
          if (call.method === "PUT" && call.path.startsWith("/api/v1/import-mappings/"))
            return { body: call.body };
          return undefined;
        },
      ),
    );
    await openMapping();
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Load a saved mapping" }).hasAttribute("disabled")).toBe(
        false,
      ),
    );
    await choose("Load a saved mapping", "crm export");
    await waitFor(() =>
      expect(
        screen.getByRole("combobox", { name: "Field for column Notes" }).closest(".ant-select")?.textContent,
      ).toBe("Deal Code"),
    );
    expect((screen.getByRole("radio", { name: "Update existing records" }) as HTMLInputElement).checked).toBe(
      true,
    );

    await userEvent.type(screen.getByRole("textbox", { name: "Name for this mapping" }), "q3 deals");
    await userEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe("/api/v1/import-mappings/q3%20deals");
    expect(put?.body).toEqual({
      object: "deal",
      mapping: [
        { column: "Name", field: "title", transform: { trim: true } },
        { column: "Phase", field: "stage", transform: { trim: true } },
        { column: "Value", field: "amount", transform: { trim: true } },
        { column: "Company", field: "account", transform: { trim: true, lookupBy: "name" } },
        { column: "Notes", field: "code", transform: { trim: false } },
      ],
      mode: "update",
      matchField: "code",
      automation: true,
    });
  });
});

describe("preview and dry run", SLOW, () => {
  it("shows the first rows under their fields, and the dry run's counts and first errors", async () => {
    const calls = serveApi(
      importServer(
        () => mapped(),
        (call) =>
          call.method === "POST" && call.path === "/api/v1/imports/imp1/dry-run"
            ? {
                body: mapped({
                  dryRun: {
                    wouldCreate: 1180,
                    wouldUpdate: 0,
                    wouldFail: 20,
                    errors: [{ row: 2, column: "Phase", message: '"gewonnen" is not an option.' }],
                  },
                }),
              }
            : undefined,
      ),
    );
    await openWizard();
    const table = await screen.findByRole("table");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["#", "Deal TitleName", "StagePhase", "AmountValue", "AccountCompany"]);
    // Trimmed as the mapping says.
    expect(within(table).getByText("Big deal")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Dry run" }));
    await waitFor(() => expect(count("wouldCreate")?.getAttribute("data-value")).toBe("1180"));
    expect(count("wouldCreate")?.textContent).toBe("1,180");
    expect(count("wouldFail")?.textContent).toBe("20");
    const error = screen.getByText('"gewonnen" is not an option.').closest("tr") as HTMLElement;
    expect(within(error).getByText("2")).toBeTruthy();
    expect(within(error).getByText("Phase")).toBeTruthy();
    expect(importCalls(calls, "POST", "/api/v1/imports/imp1/run")).toHaveLength(0);
  });

  it("goes back to the mapping with the edits kept", async () => {
    serveApi(
      importServer(() => mapped({ settings: { ...suggestedSettings, mode: "update", matchField: "code" } })),
    );
    await openWizard();
    await userEvent.click(await screen.findByRole("button", { name: "Back" }));
    expect(
      ((await screen.findByRole("radio", { name: "Update existing records" })) as HTMLInputElement).checked,
    ).toBe(true);
  });
});

const progress = (percent: number, rowsPerSecond: number, counts: Partial<ImportView["progress"]> = {}) => ({
  processed: Math.round(12 * percent),
  created: Math.round(12 * percent),
  updated: 0,
  failed: 0,
  skipped: 0,
  percent,
  rowsPerSecond,
  ...counts,
});

describe("run", SLOW, () => {
  /** Before the run: mapped; after it starts, each poll gets the next of `answers` (the last one repeats). */
  const runServer = (answers: ImportView[], more: Handler = () => undefined) => {
    let started = false;
    let polls = 0;
    return importServer(
      () => {
        if (!started) return mapped();
        const answer = answers[Math.min(polls, answers.length - 1)] as ImportView;
        polls += 1;
        return answer;
      },
      (call) => {
        if (call.method === "POST" && call.path === "/api/v1/imports/imp1/run") {
          started = true;
          return { status: 202, body: mapped({ status: "running", progress: progress(0, 0) }) };
        }
        return more(call);
      },
    );
  };
  const bar = () => screen.getByTestId("import-progress");
  const rate = () => screen.getByTestId("import-rate");

  it("polls the import every 500 ms, showing percent and rows/s, and stops when it completes", async () => {
    const calls = serveApi(
      runServer([
        mapped({ status: "running", progress: progress(25, 800) }),
        mapped({ status: "running", progress: progress(60, 950) }),
        mapped({
          status: "completed",
          progress: progress(100, 1000, { processed: 1200, created: 1190, failed: 10 }),
        }),
      ]),
    );
    await openWizard();
    await userEvent.click(await screen.findByRole("button", { name: "Start import" }));

    await waitFor(() => expect(bar().getAttribute("aria-valuenow")).toBe("25"));
    expect(rate().textContent).toBe("800 rows/s");
    expect(rate().getAttribute("data-value")).toBe("800");
    await waitFor(() => expect(bar().getAttribute("aria-valuenow")).toBe("60"));
    expect(rate().textContent).toBe("950 rows/s");
    expect(count("created")?.getAttribute("data-value")).toBe("720");

    expect(await screen.findByText("Import finished")).toBeTruthy();
    expect(count("created")?.textContent).toBe("1,190");
    expect(count("failed")?.textContent).toBe("10");
    expect(document.querySelector("[data-import-status]")?.getAttribute("data-import-status")).toBe(
      "completed",
    );
    const polled = importCalls(calls, "GET", "/api/v1/imports/imp1").length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(importCalls(calls, "GET", "/api/v1/imports/imp1")).toHaveLength(polled);
  });

  it("cancels: the run stops and the result says the rows imported before stay", async () => {
    const calls = serveApi(
      runServer([mapped({ status: "running", progress: progress(10, 500) })], (call) =>
        call.method === "POST" && call.path === "/api/v1/imports/imp1/cancel"
          ? { body: mapped({ status: "cancelled", progress: progress(12, 500) }) }
          : undefined,
      ),
    );
    await openWizard();
    await userEvent.click(await screen.findByRole("button", { name: "Start import" }));
    await waitFor(() => expect(bar().getAttribute("aria-valuenow")).toBe("10"));
    await userEvent.click(screen.getByRole("button", { name: "Cancel import" }));
    expect(await screen.findByText("Import cancelled; the rows imported before stay")).toBeTruthy();
    expect(importCalls(calls, "POST", "/api/v1/imports/imp1/cancel")).toHaveLength(1);
    expect(count("created")?.getAttribute("data-value")).toBe("144");
  });

  it("comes back to a running import from its link and follows it", async () => {
    let polls = 0;
    serveApi(
      importServer(() => {
        polls += 1;
        return polls < 3
          ? mapped({ status: "running", progress: progress(40, 700) })
          : mapped({ status: "completed", progress: progress(100, 900, { processed: 1200, created: 1200 }) });
      }),
    );
    await openWizard();
    await waitFor(() => expect(bar().getAttribute("aria-valuenow")).toBe("40"));
    expect(await screen.findByText("Import finished")).toBeTruthy();
  });
});

describe("result", SLOW, () => {
  const finished = () =>
    mapped({
      status: "completed",
      progress: progress(100, 900, { processed: 1200, created: 1198, failed: 2 }),
    });

  it("downloads the error report with the session's token, under the server's file name", async () => {
    const csv = "row,column,message,Name\n2,Phase,not an option,Small deal\n";
    const calls = serveApi(
      importServer(finished, (call) =>
        call.path === "/api/v1/imports/imp1/errors.csv"
          ? {
              text: csv,
              headers: {
                "content-type": "text/csv",
                "content-disposition":
                  "attachment; filename=\"deals-errors.csv\"; filename*=UTF-8''%E4%BA%A4%E6%98%93-errors.csv",
              },
            }
          : undefined,
      ),
    );
    const downloads = captureDownloads();
    try {
      await openWizard();
      await userEvent.click(await screen.findByRole("button", { name: /Download error report/ }));
      await waitFor(() => expect(downloads.files).toHaveLength(1));
      expect(downloads.files[0]?.name).toBe("交易-errors.csv");
      expect(await downloads.files[0]?.content).toBe(csv);
      expect(importCalls(calls, "GET", "/api/v1/imports/imp1/errors.csv")[0]?.headers.authorization).toBe(
        "Bearer test-token",
      );
    } finally {
      downloads.stop();
    }
  });

  it("says so when the report cannot be downloaded", async () => {
    serveApi(
      importServer(finished, (call) =>
        call.path === "/api/v1/imports/imp1/errors.csv"
          ? { status: 404, body: { title: "No such import" } }
          : undefined,
      ),
    );
    await openWizard();
    await userEvent.click(await screen.findByRole("button", { name: /Download error report/ }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("No such import")).toBeTruthy();
  });

  it("links to the list and starts over", async () => {
    serveApi(importServer(finished));
    await openWizard();
    expect((await screen.findByRole("link", { name: "Go to Deals" })).getAttribute("href")).toBe("/o/deal");
    await userEvent.click(screen.getByRole("button", { name: "Import another file" }));
    await waitFor(() => expect(location()).toBe("/o/deal/import"));
    expect(await screen.findByText("Click or drop a CSV or Excel (.xlsx) file here")).toBeTruthy();
  });
});

describe("in Chinese", SLOW, () => {
  it("speaks Chinese throughout the wizard", async () => {
    serveApi(importServer(() => uploaded(), undefined, { locale: "zh-CN" }));
    renderAt("/o/deal/import?id=imp1", "zh-CN");
    expect(await screen.findByRole("heading", { level: 2, name: "导入交易" })).toBeTruthy();
    expect(await screen.findByRole("combobox", { name: "列 Phase 对应的字段" })).toBeTruthy();
    expect(screen.getByText("映射列")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "更新或新建" })).toBeTruthy();
    expect(screen.getByRole("switch", { name: "运行自动化规则" })).toBeTruthy();
    expect(screen.getByText("deals.csv：1200 行，5 列。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "下一步" })).toBeTruthy();
  });
});
