/** Who the report is about: county, unit name, its short name, vocabulary, and two foreign units. */
import {
  COUNTY_SUFFIX,
  countyName,
  DEPTS,
  type DeptVocab,
  HOSPITAL,
  HOSPITAL_NAMES,
  PROVINCES,
  SCHOOL,
  SCHOOL_NAMES,
  TOWN,
  townName,
} from "./data.ts";
import type { Rng } from "./rng.ts";
import type { UnitKind } from "./model.ts";

export interface Identity {
  province: string;
  county: string;
  unit: string;
  short: string;
  vocab: Omit<DeptVocab, "name" | "short">;
  /** The same kind of unit in another county. */
  sameKindElsewhere: string;
  /** Another department of the same county. */
  otherDept: string;
  /** 股/科/室 word used for the finance office. */
  financeOffice: string;
}

export function drawIdentity(rng: Rng, kind: UnitKind): Identity {
  const province = rng.pick(PROVINCES);
  const ci = rng.int(0, 15), cj = rng.int(0, 15);
  const suffix = rng.pick(COUNTY_SUFFIX);
  const county = countyName(ci, cj, suffix);
  let other = countyName(ci + rng.int(1, 14), cj + rng.int(1, 14), suffix);
  if (other === county) other = countyName(ci + 1, cj + 3, suffix);
  const town = townName(rng.int(0, 11), rng.int(0, 11));
  const dept = rng.pick(DEPTS);
  const otherDept = county + rng.pick(DEPTS.filter((d) => d !== dept && d.short !== "卫健局")).name;
  switch (kind) {
    case "dept":
      return {
        province,
        county,
        unit: county + dept.name,
        short: county.slice(0, 2) + dept.short.replace(/^人民/, ""),
        vocab: dept,
        sameKindElsewhere: other + dept.name,
        otherDept,
        financeOffice: dept.offices.find((o) => o.includes("财务")) ?? "财务室",
      };
    case "town":
    case "street": {
      const unit = county + town + (kind === "town" ? "镇人民政府" : "街道办事处");
      const short = town + (kind === "town" ? "镇" : "街道");
      return {
        province,
        county,
        unit,
        short,
        vocab: TOWN,
        sameKindElsewhere: other + town + (kind === "town" ? "镇人民政府" : "街道办事处"),
        otherDept,
        financeOffice: "财政所",
      };
    }
    case "school": {
      const name = rng.pick(SCHOOL_NAMES);
      return {
        province,
        county,
        unit: county + name,
        short: county.slice(0, 2) + name.replace("高级中学", "高中").replace("中学", "中").replace("第", ""),
        vocab: SCHOOL,
        sameKindElsewhere: other + name,
        otherDept,
        financeOffice: "总务处",
      };
    }
    case "hospital": {
      const township = rng.chance(0.5);
      const name = township ? town + "镇卫生院" : rng.pick(HOSPITAL_NAMES);
      return {
        province,
        county,
        unit: county + name,
        short: township ? name : county.slice(0, 2) + name,
        vocab: HOSPITAL,
        sameKindElsewhere: other + name,
        otherDept,
        financeOffice: "财务科",
      };
    }
  }
}
