/* symdiff's pages: typeset every .tex span with the inlined KaTeX (strict mode); give each
   answer a "Copy LaTeX" button (interactive: left out when printed, and absent without JS). */
document.querySelectorAll(".tex").forEach(function (el) {
  katex.render(el.getAttribute("data-tex"), el, {
    displayMode: el.classList.contains("display"), throwOnError: false, strict: "error"
  });
});
document.querySelectorAll("section .answer[data-latex]").forEach(function (box) {
  if (!navigator.clipboard) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "copy interactive";
  button.textContent = "Copy LaTeX";
  button.onclick = function () {
    navigator.clipboard.writeText(box.getAttribute("data-latex")).then(function () {
      button.textContent = "Copied";
    });
  };
  box.appendChild(button);
});
