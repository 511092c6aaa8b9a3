// The hub's offline copy, opened from the file system (file://), where browsers
// refuse to start Web Workers. The theme's search runs in a worker: here it runs
// in a hidden frame of the same page, which the theme's worker recognises (it
// looks for `parent.IFrameWorker`, after Martin Donath's iframe-worker). The
// frame's scripts are files of the copy, added by address: no inline script,
// so the copy keeps the site's Content Security Policy.
(function () {
  if (location.protocol !== "file:") return;

  function FrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "search";
    // Chromium loads an empty frame at once, Firefox a moment later, and
    // replaces its first document then: the frame is used once it has loaded.
    var ready = new Promise(function (resolve) {
      frame.addEventListener("load", function () { resolve(frame.contentWindow); }, { once: true });
    });
    document.body.appendChild(frame);

    function load(inner, src) {
      return new Promise(function (resolve, reject) {
        var script = inner.document.createElement("script");
        script.src = new URL(src, location.href).href;
        script.onload = resolve;
        script.onerror = reject;
        inner.document.body.appendChild(script);
      });
    }

    var started = ready.then(function (inner) {
      // What the worker sends, the page receives as a message from its worker.
      inner.postMessage = function (data) {
        var message = new MessageEvent("message", { data: data });
        target.dispatchEvent(message);
        if (typeof target.onmessage === "function") target.onmessage(message);
      };
      inner.importScripts = function () {
        return Array.prototype.slice.call(arguments).reduce(function (previous, src) {
          return previous.then(function () { return load(inner, src); });
        }, Promise.resolve());
      };
      return load(inner, url).then(function () { return inner; });
    });
    target.postMessage = function (data) {
      started.then(function (inner) { inner.dispatchEvent(new inner.MessageEvent("message", { data: data })); });
    };
    target.terminate = function () { frame.remove(); };
    return target;
  }

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
