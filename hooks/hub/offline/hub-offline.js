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
    document.body.appendChild(frame);
    var inner = frame.contentWindow;

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = inner.document.createElement("script");
        script.src = new URL(src, location.href).href;
        script.onload = resolve;
        script.onerror = reject;
        inner.document.body.appendChild(script);
      });
    }

    // What the worker sends, the page receives as a message from its worker.
    inner.postMessage = function (data) {
      var message = new MessageEvent("message", { data: data });
      target.dispatchEvent(message);
      if (typeof target.onmessage === "function") target.onmessage(message);
    };
    inner.importScripts = function () {
      return Array.prototype.slice.call(arguments).reduce(function (previous, src) {
        return previous.then(function () { return load(src); });
      }, Promise.resolve());
    };
    var started = load(url);
    target.postMessage = function (data) {
      started.then(function () { inner.dispatchEvent(new inner.MessageEvent("message", { data: data })); });
    };
    target.terminate = function () { frame.remove(); };
    return target;
  }

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
