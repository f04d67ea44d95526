import assert from "node:assert/strict";
import { foreignEntity, splitUnit } from "../../checks/rules/foreign-entity.ts";
import { makeDoc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

const unit = "青山回族自治县人力资源和社会保障局";
const doc = (texts: string[]) => makeDoc(texts, { unit });

Deno.test("foreign-entity: splitUnit separates place and department", () => {
  assert.deepEqual(splitUnit(unit), {
    place: "青山回族自治县",
    admin: "自治县",
    department: "人力资源和社会保障局",
  });
});

Deno.test("foreign-entity: truncated own place name and another county's bureau", () => {
  const f = runRule(
    foreignEntity,
    doc([
      "青山回族自治县人社局负责全县就业工作。",
      "制定了《山回族自治县人社局财务管理制度》。",
      "绿水县人社局制定了年度工作计划。",
      "经绿水县人社局审核。",
    ]),
  );
  assert.deepEqual(f.map((x) => x.details.found), ["山回族自治县", "绿水县人社局", "绿水县人社局"]);
});

Deno.test("foreign-entity: own names, short forms and the city above are fine", () => {
  const f = runRule(
    foreignEntity,
    doc([
      "青山回族自治县人社局制定了制度。",
      "青山县人力资源和社会保障局下设7个科室。",
      "经青山县人社局审核，由青山回族自治县人社局报送。",
      "以昆仑市人社局下发的分解任务为准。",
    ]),
  );
  assert.deepEqual(f, []);
  assert.deepEqual(
    runRule(foreignEntity, makeDoc(["绿水县人社局"])),
    [],
    "no unit known: nothing to compare",
  );
});

Deno.test("foreign-entity: a short form the report never uses for itself is not compared", () => {
  assert.deepEqual(runRule(foreignEntity, doc(["绿水县人社局制定了年度工作计划。"])), []);
});

Deno.test("foreign-entity: other departments of the same county, and 向县…局 phrases, are not foreign", () => {
  const f = runRule(
    foreignEntity,
    doc([
      "青山县人社局报送。",
      "以拒不支付劳动报酬向县公安局移送案件。",
      "项目支出按县财政局下达的文件上报。",
      "绿水县公安局协助。",
    ]),
  );
  assert.deepEqual(f, []);
});
