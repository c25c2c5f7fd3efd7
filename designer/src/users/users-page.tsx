/** PLACEHOLDER: replaced by the UsersPage editor. */
export const UsersPage = () => <p>UsersPage</p>;
