/** PLACEHOLDER: replaced by the ApprovalDesignerPage editor. */
export const ApprovalDesignerPage = () => <p>ApprovalDesignerPage</p>;
