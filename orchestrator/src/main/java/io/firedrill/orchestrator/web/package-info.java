/**
 * The browser UI's HTTP side: {@link io.firedrill.orchestrator.web.WebUi} serves the static single-page app
 * (copied from the repository's {@code web-ui/} folder into the jar's {@code webroot/}) and the WebJars it
 * loads (uPlot). The UI itself only talks to the JSON API under {@code /api/v1}; nothing here computes data.
 */
package io.firedrill.orchestrator.web;
