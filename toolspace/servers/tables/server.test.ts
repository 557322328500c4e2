import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/tables/server.ts");
}, 30_000);
afterAll(() => s.close());

type Result = { columns: string[]; row_count: number; rows: Record<string, unknown>[] };
const q = async (sql: string) => {
  const r = await s.call("query", { sql });
  if (r.isError) throw new Error(r.text);
  return r.json as Result;
};

it("lists eleven tools and five tables", async () => {
  expect((await s.client.listTools()).tools).toHaveLength(11);
  const t = (await s.call("list_tables")).json as { name: string; rows: number }[];
  expect(t.map((x) => [x.name, x.rows])).toEqual([
    ["departments", 6],
    ["employees", 60],
    ["projects", 15],
    ["timesheets", 156],
    ["sales", 96],
  ]);
});

it("groups, counts and orders by position", async () => {
  const r = await q("SELECT department, COUNT(*) FROM employees GROUP BY department ORDER BY 2 DESC");
  expect(r.rows.map((x) => [x.department, x["count(*)"]])).toEqual([
    ["Engineering", 18],
    ["Sales", 12],
    ["Support", 10],
    ["Operations", 8],
    ["Marketing", 7],
    ["Finance", 5],
  ]);
});

it("joins two tables with aliases, filters with IN/LIKE/parentheses and sums", async () => {
  const r = await q(
    "SELECT d.location AS city, COUNT(*) AS people FROM employees e JOIN departments d ON e.department = d.name GROUP BY d.location ORDER BY COUNT(*) DESC, city",
  );
  expect(r.rows).toEqual([
    { city: "Berlin", people: 26 },
    { city: "London", people: 19 },
    { city: "Lisbon", people: 10 },
    { city: "Zurich", people: 5 },
  ]);
  const hw = await q(
    "SELECT region, SUM(revenue) FROM sales WHERE product_line = 'Hardware' AND (region IN ('North', 'West') OR region LIKE 's%') GROUP BY region ORDER BY region",
  );
  expect(hw.rows).toEqual([
    { region: "North", "sum(revenue)": 446400 },
    { region: "South", "sum(revenue)": 445200 },
    { region: "West", "sum(revenue)": 470400 },
  ]);
  const hours = await q("SELECT SUM(hours), MAX(week) FROM timesheets WHERE project_id = 101");
  expect(hours.rows).toEqual([{ "sum(hours)": 154, "max(week)": "2026-11-09" }]);
  // Quoted numbers compare as numbers, not as text ('9' > '60000' would be true as text).
  expect((await q("SELECT COUNT(*) AS n FROM employees WHERE salary >= '60000' AND salary > '9'")).rows).toEqual([
    { n: 37 },
  ]);
});

it("sees an inserted row in later queries and refuses rows that break column types or references", async () => {
  const ins = await s.call("insert_row", {
    table: "employees",
    values: {
      name: "Noor Haddad",
      email: "noor.haddad@example-corp.com",
      department: "Finance",
      title: "Controller",
      hire_date: "2026-11-20",
      salary: 71000,
      city: "Zurich",
    },
  });
  expect(ins.json).toMatchObject({ inserted: { id: 61, manager_id: null }, row_count: 61 });
  const fin = await q("SELECT name, salary FROM employees WHERE department = 'Finance' ORDER BY salary DESC LIMIT 2");
  expect(fin.rows).toEqual([
    { name: "Cleo Jovic", salary: 86000 },
    { name: "Noor Haddad", salary: 71000 },
  ]);
  const bad = await s.call("insert_row", {
    table: "employees",
    values: { name: "X", email: "x@y.z", department: "Finance", title: "t", hire_date: "soon", salary: 1, city: "c" },
  });
  expect(bad).toMatchObject({ isError: true, text: 'employees.hire_date is a date (YYYY-MM-DD); got "soon".' });
  const ref = await s.call("insert_row", {
    table: "timesheets",
    values: { employee_id: 999, project_id: 101, week: "2026-11-16", hours: 8 },
  });
  expect(ref.text).toContain("matches no employees.id");
});

it("updates rows that match a condition, and exports CSV", async () => {
  const u = await s.call("update_rows", {
    table: "employees",
    set: { salary: 70000 },
    where: "department = 'Finance' AND salary < 66000",
  });
  expect((u.json as { updated: number }).updated).toBe(2);
  expect((await q("SELECT MIN(salary) FROM employees WHERE department = 'Finance'")).rows).toEqual([
    { "min(salary)": 68000 },
  ]);
  const csv = await s.call("export_csv", {
    sql: "SELECT id, name FROM departments WHERE location = 'London' ORDER BY id",
  });
  expect(csv.text).toBe("id,name\n2,Sales\n5,Marketing");
});

it("explains the plan and refuses what the dialect does not support", async () => {
  const plan = (
    await s.call("explain_query", {
      sql: "SELECT d.name, AVG(e.salary) FROM employees e JOIN departments d ON e.department = d.name GROUP BY d.name",
    })
  ).json as { plan: string[] };
  expect(plan.plan[1]).toBe("Hash join departments (6 rows) on e.department = d.name, keeping matching pairs only.");
  for (const sql of [
    "DELETE FROM employees",
    "SELECT * FROM employees UNION SELECT * FROM employees",
    "SELECT UPPER(name) FROM employees",
  ]) {
    const r = await s.call("query", { sql });
    expect(r.isError).toBe(true);
    expect(r.text).toContain("Supported: SELECT");
  }
  expect((await s.call("query", { sql: "SELECT nope FROM employees" })).text).toContain("Unknown column nope");
  expect((await s.call("query", { sql: "SELECT name, COUNT(*) FROM employees GROUP BY department" })).text).toContain(
    "must be in GROUP BY",
  );
  expect((await s.call("query", { sql: "SELECT id FROM payroll" })).text).toContain("No table");
});
