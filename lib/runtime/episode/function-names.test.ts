import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { buildFunctionNames, FUNCTION_NAME, functionName } from "./function-names";

const hash8 = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 8);

it("writes qualified and odd names as strict function names", () => {
  expect(functionName("geo.get_city")).toBe("geo__get_city");
  expect(functionName("get_city")).toBe("get_city");
  expect(functionName("my server.get city/now")).toBe("my_server__get_city_now");
  expect(functionName("")).toBe("_");
  const long = `server.${"a".repeat(70)}`;
  // 55 characters of "server__aaa…", then "_" and 8 hex digits
  expect(functionName(long)).toBe(`server__${"a".repeat(47)}_${hash8(long)}`);
  expect(functionName(long)).toHaveLength(64);
});

it("maps both ways, keeps valid names, and separates names that would collide", () => {
  const long1 = `x.${"b".repeat(70)}1`;
  const long2 = `x.${"b".repeat(70)}2`;
  const names = ["load_tools", "geo.get_city", "geo__get_city", "get-weather", long1, long2];
  const map = buildFunctionNames(names);
  expect(map.toFunction("load_tools")).toBe("load_tools");
  expect(map.toFunction("get-weather")).toBe("get-weather");
  // the name that is already valid keeps it; the qualified one takes the hashed form
  expect(map.toFunction("geo__get_city")).toBe("geo__get_city");
  expect(map.toFunction("geo.get_city")).toBe(`geo__get_city_${hash8("geo.get_city")}`);
  expect(map.toFunction(long1)).not.toBe(map.toFunction(long2));
  for (const n of names) {
    expect(map.toFunction(n)).toMatch(FUNCTION_NAME);
    expect(map.toCatalogue(map.toFunction(n))).toBe(n);
  }
  expect(map.toCatalogue("never_offered")).toBeUndefined();
  // the same catalogue gives the same map
  const again = buildFunctionNames([...names].reverse());
  for (const n of names) expect(again.toFunction(n)).toBe(map.toFunction(n));
});
