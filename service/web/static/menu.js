// Loaded in <head>: marks the page as scripted (so the phone menu starts folded) and makes the
// 菜单 button open and close the list of every section.
(function () {
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    // Folded panels (the ticket filters) start open where the screen has room for them.
    if (!window.matchMedia("(max-width: 640px)").matches) {
      document.querySelectorAll("details.wide-open").forEach(function (d) { d.open = true; });
    }
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
