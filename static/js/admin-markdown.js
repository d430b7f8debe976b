/* Admin: a small Markdown toolbar and a live preview of the sanitised page body. */
(function () {
  "use strict";
  var actions = [
    ["H2", "## ", ""], ["B", "**", "**"], ["•", "- ", ""], ["1.", "1. ", ""], ["↗", "[", "](https://)"]
  ];

  function wrap(textarea, before, after) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
    textarea.value = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
    textarea.focus();
    textarea.selectionStart = start + before.length;
    textarea.selectionEnd = end + before.length;
    textarea.dispatchEvent(new Event("input"));
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function setup(textarea) {
    var language = textarea.name.split("_").pop();
    var bar = document.createElement("div");
    bar.className = "markdown-toolbar";
    actions.forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = action[0];
      button.addEventListener("click", function () { wrap(textarea, action[1], action[2]); });
      bar.appendChild(button);
    });
    var preview = document.createElement("div");
    preview.className = "markdown-preview";
    preview.setAttribute("aria-live", "polite");
    preview.lang = language;
    preview.dir = textarea.getAttribute("dir") || "ltr";
    var check = document.createElement("div");
    check.className = "markdown-check";
    // One block around the editor, so the admin's flex rows keep the text area full width.
    var editor = document.createElement("div");
    editor.className = "markdown-editor";
    textarea.before(editor);
    editor.append(bar, textarea, preview, check);
    var timer = null;
    function refresh() {
      var body = new URLSearchParams({ text: textarea.value, language: language });
      fetch(document.getElementById("markdown-preview-url").dataset.url, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken() },
        body: body,
        credentials: "same-origin"
      }).then(function (response) { return response.json(); }).then(function (data) {
        preview.innerHTML = data.html;  // already sanitised on the server by the same allowlist
        check.innerHTML = data.check || "";
      });
    }
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.getElementById("markdown-preview-url")) return;
    document.querySelectorAll("textarea[name^=body_]").forEach(setup);
  });
})();
