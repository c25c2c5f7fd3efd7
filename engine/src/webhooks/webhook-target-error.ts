export type WebhookTargetErrorCode =
  | "webhook.invalidUrl"
  | "webhook.scheme"
  | "webhook.credentials"
  | "webhook.unresolvable"
  | "webhook.dnsUnavailable"
  | "webhook.forbiddenAddress";

/**
 * A webhook URL the engine refuses to call, in words an administrator understands. The message names the
 * host but never the internal address it resolved to, so refusals do not map the private network.
 */
export class WebhookTargetError extends Error {
  constructor(
    readonly code: WebhookTargetErrorCode,
    message: string,
    /** The URL's host name, when the URL could be parsed. */
    readonly host?: string,
  ) {
    super(message);
    this.name = "WebhookTargetError";
  }
}
