/* The block editor's pre-publish panel: checks the post's figures when "Publish" is pressed,
 * lists what is wrong (verdict word and icon, never colour alone), and opens the full HTML
 * report. Talks only to this site's REST route (claims/v1), which calls `claims serve`. */
(function (wp) {
  "use strict";
  var el = wp.element.createElement;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var PluginPrePublishPanel = (wp.editor && wp.editor.PluginPrePublishPanel) ||
    wp.editPost.PluginPrePublishPanel;
  var ICON = { error: "\u2716", warning: "\u26A0", unverifiable: "?" };

  function currentPost() {
    var editor = wp.data.select("core/editor");
    return {
      content: editor.getEditedPostContent(),
      date: (editor.getEditedPostAttribute("date") || "").slice(0, 10),
      name: editor.getEditedPostAttribute("slug") || "draft"
    };
  }

  function openReport() {
    wp.apiFetch({ path: "/claims/v1/report", method: "POST", data: currentPost() })
      .then(function (answer) {
        var url = URL.createObjectURL(new Blob([answer.html], { type: "text/html" }));
        window.open(url, "_blank", "noopener");
      });
  }

  function ClaimsPanel() {
    var state = useState({ loading: true });
    var result = state[0];
    var setResult = state[1];
    useEffect(function () {
      wp.apiFetch({ path: "/claims/v1/check", method: "POST", data: currentPost() })
        .then(function (answer) { setResult({ answer: answer }); })
        .catch(function (error) { setResult({ error: error.message || String(error) }); });
    }, []);
    if (result.loading) {
      return el(wp.components.Spinner);
    }
    if (result.error) {
      return el("p", null, "The figures were not checked: " + result.error);
    }
    var problems = result.answer.problems;
    if (!problems.length) {
      return el("p", null, "\u2714 Every checked figure fits (" + result.answer.summary.ok + " ok).");
    }
    return el("div", null,
      el("ul", null, problems.map(function (p, i) {
        return el("li", { key: i },
          el("strong", null, (ICON[p.verdict] || "") + " " + p.verdict + " " + p.code + ": "),
          "\u201C" + p.text + "\u201D \u2014 " + p.message);
      })),
      el(wp.components.Button, { variant: "secondary", onClick: openReport }, "Open the full report"));
  }

  wp.plugins.registerPlugin("claims-pre-publish", {
    render: function () {
      return el(PluginPrePublishPanel, { title: "Figures (claims)", initialOpen: true },
        el(ClaimsPanel));
    }
  });
})(window.wp);
