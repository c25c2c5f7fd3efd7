import { fireEvent, screen, waitFor } from "@testing-library/react";

/** The dropdown of the select opened last. */
const openDropdown = () =>
  [...document.querySelectorAll<HTMLElement>(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")].at(-1);

/** Opens the antd select named `label` and resolves the titles of its options. */
export const optionsOf = async (label: string): Promise<string[]> => {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: label }));
  const dropdown = await waitFor(() => {
    const found = openDropdown();
    if (found === undefined) throw new Error(`no dropdown for ${label}`);
    return found;
  });
  const titles = [...dropdown.querySelectorAll(".ant-select-item-option")].map(
    (el) => el.getAttribute("title") ?? "",
  );
  fireEvent.keyDown(screen.getByRole("combobox", { name: label }), { key: "Escape" });
  return titles;
};

/** Opens the antd select named `label` and picks the option titled `option`. */
export const choose = async (label: string, option: string) => {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: label }));
  const item = await waitFor(() => {
    const found = [...(openDropdown()?.querySelectorAll<HTMLElement>(".ant-select-item-option") ?? [])].find(
      (el) => el.getAttribute("title") === option,
    );
    if (found === undefined) throw new Error(`no option ${option} in ${label}`);
    return found;
  });
  fireEvent.click(item);
};
