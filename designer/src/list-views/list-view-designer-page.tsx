/** PLACEHOLDER: replaced by the ListViewDesignerPage editor. */
export const ListViewDesignerPage = () => <p>ListViewDesignerPage</p>;
