/**
 * A spreadsheet of accounts as customers bring them on their first day: headers in English and
 * Chinese, stray whitespace, picklists by label in either language, amounts with separators and
 * currency signs, phones in every format, some rows that cannot be imported, and companies that
 * appear twice under another spelling. Deterministic (a seeded generator), so the expectations
 * below are exact.
 */

export interface PlantedDuplicate {
  /** 1-based data rows of the same company. */
  rows: [number, number];
  names: [string, string];
}

export interface MessyAccounts {
  csv: string;
  rows: number;
  /** Rows that must fail, with the column at fault. */
  badRows: ReadonlyArray<{ row: number; column: string }>;
  duplicates: readonly PlantedDuplicate[];
  /** Sum of the annual revenue of the rows that land, in yuan. */
  revenueOfGoodRows: number;
  /** Accounts per industry value among the rows that land. */
  industries: Readonly<Record<string, number>>;
  /** What each data row (index = row - 1) should become: the name as written, the revenue in yuan (null: the row fails). */
  expected: ReadonlyArray<{ name: string; industry: string; revenue: number | null; cell: string }>;
}

const HEADERS = [
  "Account Name",
  "行业",
  "Annual Revenue",
  "员工人数",
  "Phone",
  "Website",
  "Billing City",
  "Sales Region",
];

/** Made-up brand names of two words alternate these letters: two such names rarely look alike by chance. */
const CONSONANTS = [..."bcdfghjklmnprstvwxyz"];
const VOWELS = [..."aeiou"];
const TRADE = [
  "Trading",
  "Logistics",
  "Electronics",
  "Machinery",
  "Textiles",
  "Foods",
  "Chemicals",
  "Software",
  "Medical",
  "Energy",
  "Materials",
  "Robotics",
  "Packaging",
  "Optics",
  "Motors",
];
const CITIES = [
  "Shanghai",
  "Suzhou",
  "Shenzhen",
  "Guangzhou",
  "Beijing",
  "Hangzhou",
  "Chengdu",
  "Wuhan",
  "Tianjin",
  "Ningbo",
  "Xiamen",
  "Qingdao",
  "Dongguan",
  "Foshan",
  "Nanjing",
  "Hefei",
  "Changsha",
  "Xi'an",
  "Jinan",
  "Dalian",
];
const SUFFIXES = ["Co., Ltd.", "Ltd", "Limited", "Inc.", "有限公司", "Corp"];
/** Industry as customers write it: value, English label or Chinese label, any case, padded. */
const INDUSTRIES: ReadonlyArray<[string, string[]]> = [
  ["manufacturing", ["Manufacturing", "制造业", " manufacturing "]],
  ["technology", ["Information Technology", "信息技术", "INFORMATION TECHNOLOGY"]],
  ["retail", ["Retail & Consumer Goods", "零售与快消"]],
  ["logistics", ["Transportation & Logistics", "交通物流"]],
  ["healthcare", ["Healthcare & Life Sciences", "医疗健康"]],
  ["energy", ["energy", "能源与公用事业"]],
];
const REGIONS = ["East China", "华南", "north china", "华东", "International"];

/** mulberry32: small, fast and good enough to make varied rows from a seed. */
const seeded = (seed: number) => {
  let state = seed;
  return () => {
    state += 0x6d2b79f5;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const capital = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const phoneVariants = (digits: string): string[] => [
  `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
  `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
  digits,
  `(+86)${digits}`,
];

const revenueText = (yuan: number, style: number): string => {
  const grouped = yuan.toLocaleString("en-US");
  return [String(yuan), grouped, `¥${grouped}`, ` ${grouped}.00 `][style % 4] ?? String(yuan);
};

/** `rows` data rows; every 200th row (from row 100) is a second spelling of an earlier company; every 5000th row (from 2500) has an amount nobody can read. */
export const messyAccounts = (rows: number, seed = 9): MessyAccounts => {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const lines = [HEADERS.join(",")];
  const badRows: Array<{ row: number; column: string }> = [];
  const duplicates: PlantedDuplicate[] = [];
  const industries: Record<string, number> = {};
  const companies: Array<{ stem: string; row: number; name: string }> = [];
  const usedStems = new Set<string>();
  let revenueOfGoodRows = 0;
  const expected: Array<{ name: string; industry: string; revenue: number | null; cell: string }> = [];
  for (let row = 1; row <= rows; row++) {
    let name: string;
    const earlier = companies[Math.floor(random() * companies.length)];
    const bad = row % 5000 === 2500;
    if (row % 200 === 100 && !bad && earlier !== undefined) {
      // The same company again: other case, spacing and legal suffix.
      name = `  ${earlier.stem.toUpperCase()}   ${pick(SUFFIXES)}`;
      duplicates.push({ rows: [earlier.row, row], names: [earlier.name, name] });
    } else {
      let stem: string;
      do {
        const word = (length: number) =>
          capital(Array.from({ length }, (_, i) => pick(i % 2 === 0 ? CONSONANTS : VOWELS)).join(""));
        stem = `${word(7)} ${word(6)} ${pick(TRADE)} ${pick(CITIES)}`;
      } while (usedStems.has(stem));
      while (usedStems.has(stem));
      usedStems.add(stem);
      name = `${stem} ${pick(SUFFIXES)}`;
      companies.push({ stem, row, name });
    }
    const [industry, spellings] = pick(INDUSTRIES);
    const yuan = Math.floor(random() * 50_000) * 1000;
    const digits = `13${String(Math.floor(random() * 1e9)).padStart(9, "0")}`;
    const cells = [
      name,
      pick(spellings),
      bad ? "about 3 million" : revenueText(yuan, row),
      String(Math.floor(random() * 5000)),
      pick(phoneVariants(digits)),
      row % 3 === 0 ? "" : `https://www.example${row}.cn`,
      ` ${pick(CITIES)} `,
      pick(REGIONS),
    ];
    lines.push(cells.map(csvCell).join(","));
    expected.push({ name, industry, revenue: bad ? null : yuan, cell: cells[2] ?? "" });
    if (bad) {
      badRows.push({ row, column: "Annual Revenue" });
    } else {
      revenueOfGoodRows += yuan;
      industries[industry] = (industries[industry] ?? 0) + 1;
    }
  }
  return { csv: `${lines.join("\n")}\n`, rows, badRows, duplicates, revenueOfGoodRows, industries, expected };
};
