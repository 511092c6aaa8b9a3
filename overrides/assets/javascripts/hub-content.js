// The theme's after-content script (its partials/javascripts/content.html),
// served as a file: a link to a tab of tabbed content opens that tab.
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
