import {
  AlignLeftOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  BarsOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FieldNumberOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FontSizeOutlined,
  FunctionOutlined,
  LinkOutlined,
  MailOutlined,
  NodeIndexOutlined,
  NumberOutlined,
  PaperClipOutlined,
  PercentageOutlined,
  PhoneOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { FieldType } from "@tessera/metadata";
import type { ComponentType } from "react";

/** One icon per field type; typed by the registry, so a new type does not compile without one. */
const ICONS: { readonly [K in FieldType]: ComponentType<{ "aria-hidden"?: boolean }> } = {
  text: FontSizeOutlined,
  textarea: AlignLeftOutlined,
  richText: FileTextOutlined,
  email: MailOutlined,
  phone: PhoneOutlined,
  url: LinkOutlined,
  number: NumberOutlined,
  currency: DollarOutlined,
  percent: PercentageOutlined,
  boolean: CheckSquareOutlined,
  date: CalendarOutlined,
  datetime: FieldTimeOutlined,
  time: ClockCircleOutlined,
  picklist: UnorderedListOutlined,
  multiPicklist: BarsOutlined,
  lookup: NodeIndexOutlined,
  masterDetail: ApartmentOutlined,
  user: UserOutlined,
  autoNumber: FieldNumberOutlined,
  formula: FunctionOutlined,
  rollupSummary: CalculatorOutlined,
  geolocation: EnvironmentOutlined,
  file: PaperClipOutlined,
  custom: AppstoreOutlined,
};

/** The icon of a field type; decorative (the type's name is always written next to it). */
export const FieldTypeIcon = ({ type }: { type: FieldType }) => {
  const Icon = ICONS[type];
  return <Icon aria-hidden />;
};
