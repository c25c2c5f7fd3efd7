import { Templates } from "@rjsf/antd";
import type { ObjectFieldTemplateProps, RJSFSchema } from "@rjsf/utils";
import type { FormSection } from "@tessera/metadata";
import { Collapse, Typography } from "antd";
import type { ReactElement } from "react";
import type { RecordFormContext } from "./form-context.js";
import type { FormValues } from "./record-values.js";

type Props = ObjectFieldTemplateProps<FormValues, RJSFSchema, RecordFormContext>;

const NestedObjectTemplate = Templates.ObjectFieldTemplate;

/** The section's columns side by side (one below the other on narrow screens: form.css). */
const Columns = ({ section, content }: { section: FormSection; content: Map<string, ReactElement> }) => (
  <div className={`form-columns form-columns-${section.columns}`}>
    {section.fields.map((column, c) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions, they have no other identity
      <div key={c} className="form-column">
        {column.map((name) => content.get(name) ?? null)}
      </div>
    ))}
  </div>
);

const SectionBlock = ({ section, content }: { section: FormSection; content: Map<string, ReactElement> }) => {
  const headingId = `form-section-${section.id}`;
  if (section.collapsed) {
    // Rendered while closed too, so a field with an error can still be focused and submitted.
    return (
      <Collapse
        className="form-section"
        items={[
          {
            key: section.id,
            label: section.title,
            forceRender: true,
            children: <Columns section={section} content={content} />,
          },
        ]}
      />
    );
  }
  return (
    <section className="form-section" aria-labelledby={headingId}>
      <Typography.Title level={3} id={headingId} className="form-section-title">
        {section.title}
      </Typography.Title>
      <Columns section={section} content={content} />
    </section>
  );
};

/**
 * Lays the record's fields out by the layout's sections and columns (the root object); nested
 * objects such as a geolocation keep the theme's own template.
 */
export const SectionTemplate = (props: Props) => {
  const { sections } = props.registry.formContext;
  if (props.fieldPathId.path.length > 0 || sections === undefined) {
    return NestedObjectTemplate === undefined ? (
      <div>{props.properties.map((p) => p.content)}</div>
    ) : (
      <NestedObjectTemplate {...props} />
    );
  }
  const content = new Map(props.properties.filter((p) => !p.hidden).map((p) => [p.name, p.content]));
  const placed = new Set(sections.flatMap((section) => section.fields.flat()));
  const unplaced = [...content.keys()].filter((name) => !placed.has(name));
  return (
    <div className="form-sections">
      {sections
        .filter((section) => section.fields.some((column) => column.some((name) => content.has(name))))
        .map((section) => (
          <SectionBlock key={section.id} section={section} content={content} />
        ))}
      {unplaced.map((name) => (
        <div key={name}>{content.get(name)}</div>
      ))}
    </div>
  );
};
