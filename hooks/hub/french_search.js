/* Appended to the theme's lunr.fr.min.js by hooks/language_search.py.
 *
 * French readers type without accents on phones ("strategie") and use plurals
 * ("campagnes"). Two changes to the French search only:
 * 1. the French stemmer folds accents first, so "stratégie" and "strategie"
 *    index and search as the same word;
 * 2. the theme turns every query word into a prefix search ("campagnes*"),
 *    which lunr never stems; such words are folded and stemmed here too, so
 *    "campagnes" finds "campagne".
 */
(function (lunr) {
  if (!lunr || !lunr.fr || lunr.fr.hubFolding) return
  var stem = lunr.fr.stemmer
  var fold = function (word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae")
  }
  var stemFolded = function (token) {
    return stem(token.update(function (word) { return fold(word) }))
  }
  lunr.Pipeline.registerFunction(stemFolded, "stemmer-fr-folded")
  lunr.fr.stemmer = stemFolded
  lunr.fr.hubFolding = true

  var clause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (spec) {
    var term = spec.term
    if (spec.usePipeline === false && typeof term === "string" && /^[^*]+\*$/.test(term)) {
      var stemmed = stemFolded(new lunr.Token(term.slice(0, -1))).toString()
      if (stemmed) spec.term = stemmed + "*"
    }
    return clause.call(this, spec)
  }
})(self.lunr)
