// Loaded in <head>: marks the page as scripted (so the phone menu starts folded) and makes the
// 菜单 button open and close the list of every section.
(function () {
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    const button = document.getElementById("menu-button");
    const header = document.getElementById("top");
    if (!button || !header) return;
    button.addEventListener("click", function () {
      const open = header.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? "收起" : "菜单";
    });
  });
})();
