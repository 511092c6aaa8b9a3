// Wide tables scroll sideways on phones inside the theme's wrapper: the wrapper
// becomes reachable with the keyboard and is announced as a region, so that
// readers who do not use a mouse can scroll it too (WCAG 2.1.1).
document$.subscribe(function () {
  var label = document.documentElement.lang === "fr" ? "Tableau (défilement horizontal)" : "Table (scrolls sideways)";
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", label);
  });
});
