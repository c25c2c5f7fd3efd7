/** PLACEHOLDER: replaced by the ObjectPage editor. */
export const ObjectPage = () => <p>ObjectPage</p>;
