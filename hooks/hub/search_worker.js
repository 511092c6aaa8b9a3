/* The hub's search worker: the theme's own worker, with its index loaded lazily.
 *
 * Written into the site by hooks/language_search.py, which fills in the theme
 * worker's file name. The theme supports custom search workers that speak its
 * message protocol (SETUP 0, READY 1, QUERY 2, RESULT 3). Every page downloads
 * only a small stub index; the full index of the page's language is fetched the
 * first time the reader actually searches, so a reader who never searches never
 * pays for it, and search results stay exactly the theme's.
 */
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  var send = self.postMessage.bind(self)
  var stub = null, loading = null, ready = false, lastQuery = null

  // The theme answers our forwarded SETUP with READY: the page was told long ago,
  // so keep it, and answer the reader's latest query instead.
  self.postMessage = function (message) {
    if (!ready && loading && message && message.type === READY) {
      ready = true
      setTimeout(function () {
        // Unless a newer query went straight to the theme meanwhile.
        if (lastQuery) forward(lastQuery)
        lastQuery = null
      }, 0)
      return
    }
    send(message)
  }

  function forward(message) {
    var event = new MessageEvent("message", { data: message })
    event.hubForwarded = true
    self.dispatchEvent(event)
  }

  function fullIndexUrl() {
    var root = new URL("../../../", self.location.href)
    return new URL(stub.data.config.hub_full_index, root).href
  }

  self.addEventListener("message", function (event) {
    if (event.hubForwarded) return
    var message = event.data
    if (message && message.type === QUERY && ready) lastQuery = null
    if (message && message.type === SETUP) {
      event.stopImmediatePropagation()
      stub = message
      send({ type: READY })
      return
    }
    if (message && message.type === QUERY && !ready) {
      event.stopImmediatePropagation()
      lastQuery = message
      if (!loading) {
        loading = fetch(fullIndexUrl())
          .then(function (response) { return response.json() })
          .then(function (full) {
            forward({ type: SETUP, data: { config: full.config, docs: full.docs, options: stub.data.options } })
          })
          .catch(function () { send({ type: RESULT, data: { items: [] } }) })
      }
    }
  })

  importScripts("__THEME_WORKER__")
})()
