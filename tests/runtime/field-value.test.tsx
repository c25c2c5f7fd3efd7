import type { FieldDefinition } from "@tessera/metadata";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { FieldValue } from "../../runtime/src/format/field-value.js";
import { LocaleProvider } from "../../runtime/src/i18n/locale-context.js";

const show = (field: FieldDefinition, value: unknown, locale: "en" | "zh-CN" = "en") =>
  render(
    <LocaleProvider initial={locale}>
      <MemoryRouter>
        <FieldValue field={field} value={value} />
      </MemoryRouter>
    </LocaleProvider>,
  );

describe("FieldValue", () => {
  it("shows a lookup as a link to the record, by name", () => {
    show(
      { name: "account", type: "lookup", reference: "account", label: { en: "Account" } } as FieldDefinition,
      {
        id: "01ABC",
        name: "Acme",
      },
    );
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/o/account/01ABC");
  });

  it("formats a currency amount in the reader's locale", () => {
    show(
      { name: "amount", type: "currency", currencyCode: "CNY", label: { en: "Amount" } } as FieldDefinition,
      1234.5,
      "zh-CN",
    );
    expect(screen.getByText("¥1,234.50")).toBeTruthy();
  });

  it("never turns a javascript: URL into a link", () => {
    show({ name: "site", type: "url", label: { en: "Site" } } as FieldDefinition, "javascript:alert(1)");
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("javascript:alert(1)")).toBeTruthy();
  });

  it("shows a dash for an empty value", () => {
    show({ name: "notes", type: "text", label: { en: "Notes" } } as FieldDefinition, undefined);
    expect(screen.getByText("—")).toBeTruthy();
  });
});
