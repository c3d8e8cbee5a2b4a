// casebook serve: reload this page when the site has been rebuilt.
// Listens to tower-livereload's Server-Sent Events ("init" on connect,
// "reload" after a rebuild). When the server restarts, the stream errors,
// and the next "init" means it is back: reload then too.
(() => {
  const stream = document.currentScript.dataset.eventStream;
  addEventListener("pageshow", () => {
    const source = new EventSource(stream);
    let lost = false;
    const reload = () => {
      source.close();
      location.reload();
    };
    source.addEventListener("reload", reload);
    source.addEventListener("error", () => {
      lost = true;
    });
    source.addEventListener("init", () => {
      if (lost) reload();
    });
    addEventListener("pagehide", () => source.close(), { once: true });
  });
})();
