// A classic (non-module) script: if the page's module has not started a few seconds after load, say
// why, since a browser that refuses ES modules (or a page opened from disk) would otherwise show a dead form.
window.addEventListener("load", () => {
  setTimeout(() => {
    if (document.documentElement.dataset.ready === "true") return;
    const message = document.getElementById("load-error");
    if (!message?.hidden) return;
    message.hidden = false;
    message.textContent =
      location.protocol === "file:"
        ? "The library could not be loaded: browsers do not run ES modules from files opened from disk. " +
          "Serve the site over HTTP instead, for example with `npx http-server site`, and open it from there."
        : "The library could not be loaded in this browser (it needs ES modules, ES2022).";
  }, 3000);
});
