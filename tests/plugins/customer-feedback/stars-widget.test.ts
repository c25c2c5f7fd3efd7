// @vitest-environment happy-dom
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The widget module as the runtime loads it: a plain ES module by URL, given the page's React.

interface StarsProps {
  value?: unknown;
  onChange: (stars: number) => void;
  disabled?: boolean;
  readOnly?: boolean;
  label?: string;
  locale?: string;
}
type WidgetModule = { widget: (deps: { React: typeof React }) => React.FunctionComponent<StarsProps> };

const ENTRY = resolve(import.meta.dirname, "../../../plugins/customer-feedback/widgets/stars.js");

let Stars: React.FunctionComponent<StarsProps>;

beforeAll(async () => {
  const module = (await import(/* @vite-ignore */ pathToFileURL(ENTRY).href)) as WidgetModule;
  Stars = module.widget({ React });
});

afterEach(() => cleanup());

const show = (props: Partial<StarsProps> = {}) => {
  const onChange = vi.fn();
  const view = render(React.createElement(Stars, { onChange, label: "Rating", locale: "en", ...props }));
  return { onChange, view };
};

const star = (name: string) => screen.getByRole("button", { name });

describe("the stars widget", () => {
  it("shows five star buttons named in English, the rating's pressed", () => {
    show({ value: 3 });
    const stars = screen.getAllByRole("button");
    expect(stars.map((b) => b.getAttribute("aria-label"))).toEqual([
      "1 star",
      "2 stars",
      "3 stars",
      "4 stars",
      "5 stars",
    ]);
    expect(stars.map((b) => b.getAttribute("aria-pressed"))).toEqual([
      "false",
      "false",
      "true",
      "false",
      "false",
    ]);
    expect(screen.getByRole("group", { name: "Rating" })).toBeTruthy();
  });

  it("names the stars in Chinese for a Chinese reader", () => {
    show({ locale: "zh-CN", label: "评分" });
    expect(screen.getAllByRole("button").map((b) => b.getAttribute("aria-label"))).toEqual([
      "1 星",
      "2 星",
      "3 星",
      "4 星",
      "5 星",
    ]);
  });

  it("reports the star clicked", () => {
    const { onChange } = show({ value: 2 });
    fireEvent.click(star("4 stars"));
    expect(onChange).toHaveBeenCalledWith(4);
  });

  it("does not report the rating it already has", () => {
    const { onChange } = show({ value: 4 });
    fireEvent.click(star("4 stars"));
    expect(onChange).not.toHaveBeenCalled();
  });

  it("moves the rating with the arrow keys, Home and End, focus following", () => {
    const { onChange, view } = show({ value: 3 });
    fireEvent.keyDown(star("3 stars"), { key: "ArrowRight" });
    expect(onChange).toHaveBeenLastCalledWith(4);
    expect(document.activeElement).toBe(star("4 stars"));
    view.rerender(React.createElement(Stars, { onChange, label: "Rating", locale: "en", value: 4 }));
    fireEvent.keyDown(star("4 stars"), { key: "ArrowLeft" });
    expect(onChange).toHaveBeenLastCalledWith(3);
    fireEvent.keyDown(star("4 stars"), { key: "Home" });
    expect(onChange).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(star("4 stars"), { key: "End" });
    expect(onChange).toHaveBeenLastCalledWith(5);
  });

  it("starts an empty rating at one star with the right arrow", () => {
    const { onChange } = show({ value: undefined });
    fireEvent.keyDown(star("1 star"), { key: "ArrowRight" });
    expect(onChange).toHaveBeenCalledWith(1);
    expect(screen.getAllByRole("button").every((b) => b.getAttribute("aria-pressed") === "false")).toBe(true);
  });

  it("leaves other keys to the page", () => {
    const { onChange } = show({ value: 3 });
    fireEvent.keyDown(star("3 stars"), { key: "a" });
    expect(onChange).not.toHaveBeenCalled();
  });

  it("takes no input when disabled", () => {
    const { onChange } = show({ value: 2, disabled: true });
    const stars = screen.getAllByRole("button");
    expect(stars.every((b) => (b as { disabled?: boolean }).disabled === true)).toBe(true);
    fireEvent.keyDown(star("2 stars"), { key: "End" });
    expect(onChange).not.toHaveBeenCalled();
  });

  it("shows a read-only rating as one image named by its stars, without buttons", () => {
    show({ value: 4, readOnly: true });
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.getByRole("img", { name: "Rating: 4 stars out of 5" })).toBeTruthy();
  });

  it("says a read-only empty rating is not rated, in Chinese too", () => {
    show({ value: null, readOnly: true, locale: "zh-CN", label: "评分" });
    expect(screen.getByRole("img", { name: "评分: 未评分" })).toBeTruthy();
  });
});
