/** PLACEHOLDER: replaced by the ApprovalsPage editor. */
export const ApprovalsPage = () => <p>ApprovalsPage</p>;
