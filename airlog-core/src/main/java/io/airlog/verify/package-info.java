/**
 * Verification of hash chains: a streaming verifier that any storage can feed with its events
 * in storage order, and the report it produces.
 */
package io.airlog.verify;
