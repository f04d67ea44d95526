/** Issue 13, item 3: local times (Asia/Shanghai by default, configurable), deterministic with a fixed clock. */
import assert from "node:assert/strict";
import { DEFAULT_TIME_ZONE, isTimeZone, localTime, localTimeLabel } from "../../src/render/time.ts";
import { Config } from "../../src/model/config.ts";
import { parseTimeZone, UsageError } from "../../src/cli/flags.ts";

const CLOCK = new Date("2023-12-31T17:30:00Z");

Deno.test("time: Asia/Shanghai by default, another zone on request", () => {
  assert.equal(DEFAULT_TIME_ZONE, "Asia/Shanghai");
  assert.equal(localTime(CLOCK), "2024-01-01 01:30:00", "the date turns over in Beijing");
  assert.equal(localTimeLabel(CLOCK), "2024-01-01 01:30:00（Asia/Shanghai，UTC+8）");
  assert.equal(localTimeLabel(CLOCK, "UTC"), "2023-12-31 17:30:00（UTC，UTC+0）");
  assert.equal(localTimeLabel(CLOCK, "Asia/Kolkata"), "2023-12-31 23:00:00（Asia/Kolkata，UTC+5:30）");
});

Deno.test("time: the configuration's timeZone and --tz are validated", () => {
  assert.ok(isTimeZone("Asia/Urumqi"));
  assert.ok(!isTimeZone("Mars/Olympus"));
  assert.equal(Config.parse({ timeZone: "UTC" }).timeZone, "UTC");
  const bad = Config.safeParse({ timeZone: "北京时间" });
  assert.ok(!bad.success);
  assert.match(bad.error.issues[0].message, /时区/);
  assert.equal(parseTimeZone("Asia/Shanghai"), "Asia/Shanghai");
  assert.equal(parseTimeZone(undefined), undefined);
  assert.throws(() => parseTimeZone("GMT+99"), UsageError);
});
