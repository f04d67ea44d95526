const dir = "/tmp/bt/sig";
const child = new Deno.Command(Deno.execPath(), {
  args: ["run", "--unsafe-proto", "-A", new URL("./run_child.ts", import.meta.url).pathname,
    JSON.stringify({ inputs: [dir], outDir: dir + "/.out", jobs: 1, progress: "plain", testHooks: { hang: "-hang" } })],
  stdout: "piped", stderr: "piped",
}).spawn();
await new Promise((r) => setTimeout(r, 3000));
console.log("jsonl:", await Deno.readTextFile(dir + "/.out/results.jsonl").catch(() => "none"));
child.kill("SIGINT");
await new Promise((r) => setTimeout(r, 1000));
child.kill("SIGINT");
const t = setTimeout(() => { console.log("still running, killing"); child.kill("SIGKILL"); }, 5000);
const o = await child.output();
clearTimeout(t);
console.log(o.code, new TextDecoder().decode(o.stderr).slice(0, 500), new TextDecoder().decode(o.stdout).slice(0, 300));
