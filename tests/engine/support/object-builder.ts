import type { FieldDefinition, ObjectDefinition, SharingModel, ValidationRule } from "@tessera/metadata";

/** `anObject("invoice").withField(currency("amount")).build()`: object documents for tests. */
export class ObjectBuilder {
  private readonly fields: FieldDefinition[] = [];
  private readonly rules: ValidationRule[] = [];
  private sharing: SharingModel = "private";
  private nameField: string | undefined;

  constructor(private readonly name: string) {}

  withField(...fields: FieldDefinition[]): this {
    this.fields.push(...fields);
    return this;
  }

  withRule(name: string, errorWhen: unknown, message: string, field?: string): this {
    this.rules.push({ name, errorWhen, message: { en: message }, ...(field !== undefined && { field }) });
    return this;
  }

  named(field: string): this {
    this.nameField = field;
    return this;
  }

  sharedAs(model: SharingModel): this {
    this.sharing = model;
    return this;
  }

  build(): ObjectDefinition {
    const label = this.name.charAt(0).toUpperCase() + this.name.slice(1);
    return {
      kind: "object",
      name: this.name,
      label: { en: label },
      pluralLabel: { en: `${label}s` },
      recordName: this.nameField ?? this.fields[0]?.name ?? "name",
      sharingModel: this.sharing,
      fields: this.fields,
      ...(this.rules.length > 0 && { validationRules: this.rules }),
    };
  }
}

export const anObject = (name: string) => new ObjectBuilder(name);
