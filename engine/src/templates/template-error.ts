/** A template that cannot be used or rendered, with a pointer-like location and words an admin understands. */
export class TemplateError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}
