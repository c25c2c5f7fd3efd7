/** PLACEHOLDER: replaced by the ObjectsPage editor. */
export const ObjectsPage = () => <p>ObjectsPage</p>;
