/**
 * Uploads one file to a running web app and prints its list entry once audited (JSON). Run by dist_test.ts
 * as a child process with --allow-net (the test command has no network permission).
 * Usage: deno run --allow-net=127.0.0.1 --allow-read test/dist/serve_probe.ts URL FILE
 */
const [url, file] = Deno.args;
const page = await (await fetch(url)).text();
const cfg = page.match(/<script type="application\/json" id="cfg">(.*?)<\/script>/);
if (!cfg) throw new Error(`no page config at ${url}`);
const { token } = JSON.parse(cfg[1]);
const name = file.split("/").pop()!;
const up = await fetch(new URL(`/api/upload?name=${encodeURIComponent(name)}`, url), {
  method: "POST",
  body: await Deno.readFile(file),
  headers: { "x-jixiao-token": token },
});
if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
await up.body?.cancel();
for (let i = 0; i < 600; i++) {
  const list = await (await fetch(new URL("/api/docs", url))).json();
  if (list[0].status !== "queued" && list[0].status !== "running") {
    console.log(JSON.stringify(list[0]));
    Deno.exit(0);
  }
  await new Promise((r) => setTimeout(r, 100));
}
throw new Error("the upload was not audited in 60 s");
