import type {
  AppDefinition,
  CustomFieldTypeDefinition,
  Layout,
  ListView,
  Locale,
  LocalizedText,
  ObjectDefinition,
} from "@tessera/metadata";

export interface ObjectPermissions {
  create: boolean;
  edit: boolean;
  delete: boolean;
}

export interface ObjectSummary {
  name: string;
  label: LocalizedText;
  pluralLabel?: LocalizedText;
  recordName: string;
  icon: string | null;
  permissions: ObjectPermissions;
}

/** A UI widget of a package installed in the tenant; layouts and field types name it `<package>.<name>`. */
export interface PluginWidgetInfo {
  package: string;
  name: string;
  kind: "field" | "panel";
  /** The widget's ES module (same origin): `export const widget = ({ React }) => Component`. */
  url: string;
}

/** GET /api/v1/ui/bootstrap */
export interface Bootstrap {
  tenant: string;
  version: number;
  user: {
    id: string;
    username: string;
    name: string;
    locale: Locale;
    manageMetadata: boolean;
    /** Modify all data: may edit records locked by a pending approval. */
    administrator?: boolean;
  };
  apps: AppDefinition[];
  objects: ObjectSummary[];
  listViews: Array<{ name: string; object: string; label: LocalizedText }>;
  /** Dashboards of the tenant (the app menu names them). */
  dashboards?: Array<{ name: string; label: LocalizedText }>;
  /** Widgets of the tenant's installed packages. */
  widgets?: PluginWidgetInfo[];
  /** Field types the server's plugins register (`{"type": "custom", "customType": name}` fields). */
  customFieldTypes?: CustomFieldTypeDefinition[];
}

export interface RelatedListInfo {
  object: string;
  field: string;
  label: LocalizedText;
  fieldLabel: LocalizedText;
}

/** GET /api/v1/ui/objects/{name}: the object as the user may see it. */
export interface ObjectUi {
  version: number;
  object: ObjectDefinition;
  editableFields: string[];
  permissions: ObjectPermissions;
  layouts: Layout[];
  listViews: ListView[];
  relatedLists: RelatedListInfo[];
  hasApprovalProcess: boolean;
  /** Templates of the object (print pages, e-mails, notifications). */
  templates?: Array<{ name: string; label: LocalizedText; purpose: string }>;
  /** Active duplicate rules of the object (the duplicates page offers them). */
  duplicateRules?: Array<{ name: string; label: LocalizedText }>;
}

/** A lookup value as the record API returns it. */
export interface ReferenceValue {
  id: string;
  name?: string;
}

export type RecordData = Record<string, unknown> & { id: string; version: number };

export interface RecordPage {
  records: RecordData[];
  nextCursor: string | null;
  total?: number;
}
