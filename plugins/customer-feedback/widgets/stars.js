// The "customer-feedback.stars" field widget: a 1-5 star rating input.
// A plain ES module loaded by the runtime as is (no build step, no imports): the runtime passes
// its own React, so the widget renders with the same React instance as the page.

const MAX_STARS = 5;

const TEXTS = {
  en: {
    star: (n) => (n === 1 ? "1 star" : `${n} stars`),
    outOf: (n) => (n === 1 ? `1 star out of ${MAX_STARS}` : `${n} stars out of ${MAX_STARS}`),
    none: "Not rated",
  },
  "zh-CN": {
    star: (n) => `${n} 星`,
    outOf: (n) => `${n} 星（满分 ${MAX_STARS} 星）`,
    none: "未评分",
  },
};

const textsFor = (locale) => TEXTS[locale] ?? TEXTS.en;

/** The stored value as a whole number of stars, or 0 when there is none (or it is not a rating). */
const starsOf = (value) =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_STARS ? value : 0;

const FILLED = "#fadb14";
const EMPTY = "#d9d9d9";

const starStyle = (filled, interactive) => ({
  background: "none",
  border: "none",
  padding: "0 2px",
  margin: 0,
  fontSize: "20px",
  lineHeight: 1,
  color: filled ? FILLED : EMPTY,
  cursor: interactive ? "pointer" : "default",
});

/**
 * `widget({ React })` returns the component. Its props: `value` (1-5 or empty), `onChange(stars)`,
 * `disabled`, `readOnly`, `label` (the field's label, names the group) and `locale` ("en" or
 * "zh-CN"). Each star is a button named "3 stars" / "3 星" and pressed when it is the rating;
 * Tab reaches the stars, Enter or Space picks one, the arrow keys, Home and End move the rating
 * and keep the focus on the star chosen.
 */
export const widget = ({ React }) =>
  function Stars(props) {
    const { id, value, onChange, disabled = false, readOnly = false, label, locale } = props;
    const h = React.createElement;
    const texts = textsFor(locale);
    const stars = starsOf(value);
    const [hovered, setHovered] = React.useState(0);
    const buttons = React.useRef([]);

    if (readOnly) {
      const name = stars === 0 ? texts.none : texts.outOf(stars);
      return h(
        "span",
        { role: "img", "aria-label": label ? `${label}: ${name}` : name, title: name },
        Array.from({ length: MAX_STARS }, (_, i) =>
          h("span", { key: i + 1, "aria-hidden": true, style: starStyle(i < stars, false) }, "★"),
        ),
      );
    }

    const choose = (n) => {
      if (disabled || n === stars) return;
      onChange(n);
    };

    const onKeyDown = (event) => {
      const next = {
        ArrowRight: Math.min(MAX_STARS, stars + 1),
        ArrowUp: Math.min(MAX_STARS, stars + 1),
        ArrowLeft: Math.max(1, stars - 1),
        ArrowDown: Math.max(1, stars - 1),
        Home: 1,
        End: MAX_STARS,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      choose(next);
      buttons.current[next - 1]?.focus();
    };

    const shown = hovered > 0 && !disabled ? hovered : stars;
    return h(
      "span",
      {
        role: "group",
        "aria-label": label,
        className: "customer-feedback-stars",
        onKeyDown,
        onMouseLeave: () => setHovered(0),
        style: { display: "inline-flex", alignItems: "center" },
      },
      Array.from({ length: MAX_STARS }, (_, i) => {
        const n = i + 1;
        return h(
          "button",
          {
            key: n,
            type: "button",
            // The form's label points at the widget's id: the first star takes it.
            id: i === 0 ? id : undefined,
            ref: (element) => {
              buttons.current[i] = element;
            },
            "aria-label": texts.star(n),
            "aria-pressed": n === stars,
            disabled,
            onClick: () => choose(n),
            onMouseEnter: () => setHovered(n),
            onFocus: () => setHovered(0),
            style: starStyle(n <= shown, !disabled),
          },
          h("span", { "aria-hidden": true }, "★"),
        );
      }),
    );
  };
