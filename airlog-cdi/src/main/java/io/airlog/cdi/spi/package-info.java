/**
 * Extension points of airlog-cdi. Implement one as a CDI bean of the application and airlog
 * consults it before its built-in defaults.
 */
package io.airlog.cdi.spi;
