/**
 * Implementation of airlog-ocsf: JSON reading and writing, and the model of the shipped
 * schema. Not API: no compatibility promise.
 */
package io.airlog.ocsf.internal;
