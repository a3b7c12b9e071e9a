/**
 * Servlet integration: runs airlog's start-up work when a web module starts. Loaded only by a
 * servlet container (through {@code META-INF/services}); applications without the servlet
 * API never load it.
 */
package io.airlog.cdi.servlet;
