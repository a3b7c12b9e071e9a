/**
 * Verification of hash chains: a streaming verifier that any storage can feed with its events
 * in storage order, and the report it produces; and the comparison of two stores' copies of
 * one log ({@link io.airlog.verify.LogComparison}).
 */
package io.airlog.verify;
