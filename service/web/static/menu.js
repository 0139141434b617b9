// Loaded in <head>: marks the page as scripted (so the phone menu starts folded) and makes the
// 菜单 button open and close the list of every section.
(function () {
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    // Folded panels (the ticket filters) start open where the screen has room for them.
    if (!window.matchMedia("(max-width: 640px)").matches) {
      document.querySelectorAll("details.wide-open").forEach(function (d) { d.open = true; });
    }
    // "返回上一页" on error pages: the browser's back, where the page's policy allows no inline
    // script; without history it stays a link to 今日.
    document.querySelectorAll("a[data-back]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        if (window.history.length > 1) { e.preventDefault(); window.history.back(); }
      });
    });
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
