/**
 * JAX-RS integration: a request filter that gives every request a correlation id. Classes
 * here are loaded only by a JAX-RS runtime; they carry no CDI bean-defining annotation, so
 * applications without JAX-RS never load them.
 */
package io.airlog.cdi.jaxrs;
