/**
 * The commands of the {@code airlog} command line and what they read: JSON-lines files and
 * database logs as stores of events, leaves and checkpoints, the export bundle, the output.
 * Internal: no compatibility promise; the command line ({@code docs/cli.md}) is the interface.
 */
package io.airlog.cli.internal;
