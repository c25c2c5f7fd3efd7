import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ALL, dealServer, READ_ONLY, renderAt, view } from "../lists/list-harness.js";
import { type Call, captureDownloads, type Handler, serveApi } from "./data-harness.js";

// Rendering antd's tables in happy-dom takes a few seconds per test on a busy machine.
const SLOW = { timeout: 30_000 };
configure({ asyncUtilTimeout: 8_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const location = () => screen.getByTestId("location").textContent ?? "";
const exports = (calls: readonly Call[]) => calls.filter((c) => c.path === "/api/v1/records/deal/export");

/** The deal list's server, answering exports with a small file (`more` answers first). */
const exportingServer = (permissions = ALL, more: Handler = () => undefined): Handler => {
  const list = dealServer({
    permissions,
    ui: { listViews: [view("bigOnes", { columns: ["title", "amount"] })] },
  });
  return (call) => {
    const answer = more(call);
    if (answer !== undefined) return answer;
    if (call.path === "/api/v1/records/deal/export")
      return {
        text: "\uFEFFDeal Title,Amount\r\nDeal 1,100\r\n",
        headers: {
          "content-type": "text/csv",
          "content-disposition": 'attachment; filename="Deals 2026-03-03.csv"',
        },
      };
    return list(call);
  };
};

const exportAs = async (format: "CSV" | "Excel (.xlsx)") => {
  await userEvent.click(await screen.findByRole("button", { name: /Export/ }));
  await userEvent.click(await screen.findByRole("menuitem", { name: format }));
};

describe("the list's data buttons", SLOW, () => {
  it("offers import, export and find duplicates to a user who may create, edit and delete", async () => {
    serveApi(exportingServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    expect(screen.getByRole("button", { name: /Export/ })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: /Find duplicates/ }));
    await waitFor(() => expect(location()).toBe("/o/deal/duplicates"));
  });

  it("opens the import wizard", async () => {
    serveApi(exportingServer());
    renderAt("/o/deal");
    await userEvent.click(await screen.findByRole("button", { name: /Import/ }));
    await waitFor(() => expect(location()).toBe("/o/deal/import"));
  });

  it("offers only the export to a user who may only read", async () => {
    serveApi(exportingServer(READ_ONLY));
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    expect(screen.getByRole("button", { name: /Export/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Import/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Find duplicates/ })).toBeNull();
  });
});

describe("export", SLOW, () => {
  it("asks for the list as shown: view, filter bar, sort, search and columns, as CSV", async () => {
    const calls = serveApi(exportingServer());
    const downloads = captureDownloads();
    try {
      const filter = '{"==":[{"var":"stage"},"won"]}';
      renderAt(`/o/deal?view=bigOnes&sort=-amount&q=acme&filter=${encodeURIComponent(filter)}`);
      await screen.findByRole("link", { name: "Deal 1" });
      await exportAs("CSV");
      await waitFor(() => expect(downloads.files).toHaveLength(1));
      const query = exports(calls)[0]?.query;
      expect(Object.fromEntries(query ?? [])).toEqual({
        format: "csv",
        view: "bigOnes",
        filter,
        sort: "-amount",
        q: "acme",
        fields: "title,amount",
      });
      expect(exports(calls)[0]?.headers.authorization).toBe("Bearer test-token");
      expect(downloads.files[0]?.name).toBe("Deals 2026-03-03.csv");
      expect(await downloads.files[0]?.content).toBe("\uFEFFDeal Title,Amount\r\nDeal 1,100\r\n");
    } finally {
      downloads.stop();
    }
  });

  it("exports all records as Excel with the default columns, leaving out a filter the list cannot use", async () => {
    const calls = serveApi(exportingServer());
    const downloads = captureDownloads();
    try {
      renderAt(`/o/deal?filter=${encodeURIComponent('{"nonsense":1}')}`);
      await screen.findByRole("link", { name: "Deal 1" });
      await exportAs("Excel (.xlsx)");
      await waitFor(() => expect(downloads.files).toHaveLength(1));
      expect(Object.fromEntries(exports(calls)[0]?.query ?? [])).toEqual({
        format: "xlsx",
        fields: "title,stage,amount,closeOn,signedAt,company",
      });
    } finally {
      downloads.stop();
    }
  });

  it("says why when the server refuses", async () => {
    serveApi(
      exportingServer(ALL, (call) =>
        call.path === "/api/v1/records/deal/export"
          ? {
              status: 400,
              body: {
                title: "Bad request",
                errors: [{ path: "/sort", code: "sort.unknown", message: "Cannot sort by notes." }],
              },
            }
          : undefined,
      ),
    );
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await exportAs("CSV");
    expect(await screen.findByText("The export failed: Cannot sort by notes.")).toBeTruthy();
  });

  it("speaks Chinese", async () => {
    serveApi(dealServer({ locale: "zh-CN" }));
    renderAt("/o/deal", "zh-CN");
    await screen.findByRole("link", { name: "Deal 1" });
    expect(screen.getByRole("button", { name: /导出/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /导入/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /查找重复/ })).toBeTruthy();
  });
});
