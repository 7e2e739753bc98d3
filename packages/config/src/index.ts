export * from "./browser.js";
