/** PLACEHOLDER: replaced by the PermissionsPage editor. */
export const PermissionsPage = () => <p>PermissionsPage</p>;
