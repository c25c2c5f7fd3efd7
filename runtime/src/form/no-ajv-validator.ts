/**
 * Stands in for `@rjsf/validator-ajv8`, which `@rjsf/core` imports only for its test registry
 * helper. ajv compiles schemas with `new Function`, which the runtime's CSP refuses, so it is not
 * installed; the bundler resolves the import here (vite.config.ts, vitest.config.ts). Forms use
 * `createFormValidator`.
 */
const refuse = (): never => {
  throw new Error("ajv is not available in the runtime: use createFormValidator (no eval under the CSP)");
};

// biome-ignore lint/style/noDefaultExport: it replaces a module whose default export rjsf imports
export default { validateFormData: refuse, isValid: refuse, rawValidation: refuse };
