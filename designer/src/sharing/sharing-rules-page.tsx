/** PLACEHOLDER: replaced by the SharingRulesPage editor. */
export const SharingRulesPage = () => <p>SharingRulesPage</p>;
