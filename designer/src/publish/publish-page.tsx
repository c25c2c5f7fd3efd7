/** PLACEHOLDER: replaced by the PublishPage editor. */
export const PublishPage = () => <p>PublishPage</p>;
