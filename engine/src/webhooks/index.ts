// Outgoing webhooks: target checks against SSRF, signing, one delivery attempt, and the retry schedule.
// No store access: the automation worker owns the outbox and calls these building blocks.
export {
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  type DeliveryResult,
  deliverWebhook,
  MAX_WEBHOOK_RESPONSE_BYTES,
  type WebhookDeliveryRequest,
} from "./deliver-webhook.js";
export {
  MAX_WEBHOOK_ATTEMPTS,
  retryDelayMs,
  WEBHOOK_RETRY_BASE_MS,
  WEBHOOK_RETRY_CAP_MS,
} from "./retry-schedule.js";
export {
  type SignatureCheckOptions,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_TOLERANCE_SECONDS,
} from "./sign-webhook.js";
export { checkWebhookTarget, type WebhookResolver, type WebhookTarget } from "./webhook-target.js";
export { WebhookTargetError, type WebhookTargetErrorCode } from "./webhook-target-error.js";
