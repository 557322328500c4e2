// Kept out of the "use client" theme module: a server layout inlines this string.
export const THEME_KEY = "atlas-theme";

/**
 * Runs in <head> before the first paint: the stored choice, else the system's preference.
 * Kept tiny and dependency-free because it is inlined into every page.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})()`;
