/** PLACEHOLDER: replaced by the AutomationDesignerPage editor. */
export const AutomationDesignerPage = () => <p>AutomationDesignerPage</p>;
