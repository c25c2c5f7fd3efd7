import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { PrintMenu } from "../../../runtime/src/record/print-menu.js";

afterEach(() => vi.unstubAllGlobals());

const templates = [
  { name: "dealSheet", label: { en: "Deal sheet", "zh-CN": "商机单" }, purpose: "print" },
  { name: "dealReviewed", label: { en: "Deal reviewed" }, purpose: "notification" },
];

describe("PrintMenu", () => {
  it("offers only print templates and previews the server's rendering in a script-less frame", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ body: "<h1>Wind farm</h1>" }), { status: 200 });
    });
    render(
      <LocaleProvider initial="en">
        <PrintMenu object="opportunity" id="R1" templates={templates} />
      </LocaleProvider>,
    );
    fireEvent.mouseEnter(screen.getByRole("button", { name: /Print/ }));
    fireEvent.click(await screen.findByText("Deal sheet"));
    expect(screen.queryByText("Deal reviewed")).toBeNull();
    const frame = (await screen.findByTitle("Deal sheet")) as HTMLIFrameElement;
    expect(frame.getAttribute("srcdoc")).toBe("<h1>Wind farm</h1>");
    expect(frame.getAttribute("sandbox")).toBe("allow-same-origin allow-modals");
    expect(urls).toEqual(["/api/v1/records/opportunity/R1/render/dealSheet"]);
  });

  it("shows nothing when the object has no print template", () => {
    const { container } = render(
      <LocaleProvider initial="en">
        <PrintMenu object="opportunity" id="R1" templates={[templates[1] as (typeof templates)[number]]} />
      </LocaleProvider>,
    );
    expect(container.textContent).toBe("");
  });
});
