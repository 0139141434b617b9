// 回音壁 page: the 打印 button prints the wall (print CSS in app.css keeps it to one A4 page).
document.addEventListener("DOMContentLoaded", function () {
  const button = document.getElementById("print-wall");
  if (button) button.addEventListener("click", function () { window.print(); });
});
