// The API docs page: Swagger UI from this service's own files (no CDN), started here because
// pages allow no inline script. The spec's address comes from the page (under /c/<slug> in a
// street).
(function () {
  const box = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: box.dataset.spec, domNode: box, deepLinking: true });
})();
