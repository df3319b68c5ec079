"""``GET /v1/report``: a self-contained page to paste a story into and see its HTML report.

The page posts the story as JSON to ``POST /v1/report`` (same origin, with the token if the
server needs one) and shows the answer in a sandboxed frame. No external assets.
"""

from __future__ import annotations

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claims: check a story</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
label { display: block; font-weight: 600; margin-top: .75rem; }
textarea { width: 100%; min-height: 14rem; font: inherit; }
input, select, button { font: inherit; }
button { display: block; margin-top: 1rem; padding: .4rem 1.2rem; }
#status { margin-top: .5rem; min-height: 1.5em; }
#status.error { color: #8a1c00; font-weight: 600; }
iframe { width: 100%; height: 70vh; border: 1px solid #767676; margin-top: 1rem; }
</style>
</head>
<body>
<main>
<h1>Check a story</h1>
<form id="story-form">
<label for="story">Story</label>
<textarea id="story" required></textarea>
<label for="format">Written as</label>
<select id="format"><option value="text">plain text</option><option value="markdown">Markdown</option><option value="html">HTML</option></select>
<label for="date">As-of date (optional)</label>
<input id="date" type="date">
__TOKEN__
<button type="submit">Check</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<iframe id="report" title="Report" sandbox="allow-scripts" hidden></iframe>
</main>
<script>
document.getElementById("story-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("status");
  const frame = document.getElementById("report");
  const body = {};
  body[document.getElementById("format").value] = document.getElementById("story").value;
  const day = document.getElementById("date").value;
  if (day) body.date = day;
  const headers = {"Content-Type": "application/json"};
  const token = document.getElementById("token");
  if (token && token.value) headers.Authorization = "Bearer " + token.value.trim();
  status.className = ""; status.textContent = "Checking\\u2026";
  try {
    const answer = await fetch("report", {method: "POST", headers, body: JSON.stringify(body)});
    if (!answer.ok) {
      const data = await answer.json().catch(() => ({}));
      throw new Error((data.error && data.error.message) || ("HTTP " + answer.status));
    }
    frame.srcdoc = await answer.text();
    frame.hidden = false;
    status.textContent = "Done.";
  } catch (err) {
    status.className = "error"; status.textContent = err.message;
  }
});
</script>
</body>
</html>
"""

_TOKEN = (
    '<label for="token">Token</label>\n'
    '<input id="token" type="password" autocomplete="off" size="40">'
)


def form_page(*, token_needed: bool) -> str:
    """The form, with a token field when the server requires one."""
    return _PAGE.replace("__TOKEN__", _TOKEN if token_needed else "")
