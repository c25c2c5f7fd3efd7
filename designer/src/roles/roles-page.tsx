/** PLACEHOLDER: replaced by the RolesPage editor. */
export const RolesPage = () => <p>RolesPage</p>;
