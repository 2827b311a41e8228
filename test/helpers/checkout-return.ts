/** Reads the sandbox gateway's HTML forms back, as a browser would submit them. */

const unescapeHtml = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The first form's target, its hidden fields and the page's inline script, if any. */
export function readReturnForm(html: string): { action: string | undefined; fields: Record<string, string>; script: string | undefined } {
  const action = /<form[^>]* action="([^"]*)"/.exec(html)?.[1];
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [unescapeHtml(m[1]!), unescapeHtml(m[2]!)]),
  );
  return { action: action === undefined ? undefined : unescapeHtml(action), fields, script: /<script>([^<]*)<\/script>/.exec(html)?.[1] };
}
