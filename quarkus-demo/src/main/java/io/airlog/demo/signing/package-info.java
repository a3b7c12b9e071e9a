/**
 * The demo's signing key for airlog's checkpoints: made on the first start, before airlog
 * opens its stream, with its verifier key written next to it for auditors.
 */
package io.airlog.demo.signing;
