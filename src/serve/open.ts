/** Opens a URL or a file in the default browser/application (best effort: prints the target otherwise). */
export function openInBrowser(target: string): void {
  if (Deno.env.get("JIXIAO_NO_OPEN") === "1") return;
  const [cmd, args] = Deno.build.os === "windows"
    // rundll32 passes the target as is: no cmd.exe parsing of "&" or "^" in a URL or a file name.
    ? ["rundll32", ["url.dll,FileProtocolHandler", target]]
    : Deno.build.os === "darwin"
    ? ["open", [target]]
    : ["xdg-open", [target]];
  try {
    const child = new Deno.Command(cmd, { args, stdin: "null", stdout: "null", stderr: "null" }).spawn();
    child.status.then((s) => {
      if (!s.success) console.log(`请手动打开：${target}`);
    }).catch(() => {});
    child.unref();
  } catch {
    console.log(`请手动打开：${target}`);
  }
}
