import type { Locator, Page } from "playwright-core";

/** The value shown next to a field's label on the record page. */
export const shownValue = (page: Page, label: string): Locator =>
  page
    .locator(".record-field")
    .filter({ has: page.locator("dt").getByText(label, { exact: true }) })
    .locator("dd");

/** Opens a tab of the record page and returns its panel. */
export const openTab = async (page: Page, name: string): Promise<Locator> => {
  await page.getByRole("tab", { name }).click();
  return page.getByRole("tabpanel", { name });
};

/** A related list's card in the Related tab, by its title with the count ("Contacts (1)"). */
export const relatedCard = (panel: Locator, title: string): Locator =>
  panel.locator(".ant-card").filter({
    has: panel.page().locator(".ant-card-head-title").getByText(title, { exact: true }),
  });

/** The table rows of a list or related list that mention `text`. */
export const rowsWith = (scope: Page | Locator, text: string): Locator =>
  scope.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: text });

/** Picks an option of an antd select by the select's accessible name and the option's title. */
export const choose = async (page: Page, name: string, option: string): Promise<void> => {
  await page.getByRole("combobox", { name, exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
};

/** The id at the end of the current record page's URL (`/o/<object>/<id>`). */
export const recordIdOf = (page: Page): string => new URL(page.url()).pathname.split("/").pop() ?? "";
