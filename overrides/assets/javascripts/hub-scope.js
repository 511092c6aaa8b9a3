// The theme's storage helpers (its partials/javascripts/base.html), served as a
// file so that no page needs an inline script: the Content Security Policy
// allows only the site's own script files. The scope is the site's root, as
// the theme computes it, found from this file's own address.
__md_scope = new URL("../..", document.currentScript.src);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {}
};
