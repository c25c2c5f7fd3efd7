/** PLACEHOLDER: replaced by the AutomationsPage editor. */
export const AutomationsPage = () => <p>AutomationsPage</p>;
