/** PLACEHOLDER: replaced by the LayoutDesignerPage editor. */
export const LayoutDesignerPage = () => <p>LayoutDesignerPage</p>;
