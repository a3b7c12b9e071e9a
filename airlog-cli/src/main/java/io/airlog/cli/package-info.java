/**
 * The {@code airlog} command line for auditors: {@link io.airlog.cli.Airlog} is its entry point.
 * The commands, their options, output and exit codes are documented in {@code docs/cli.md};
 * the command line is the interface, the classes behind it live in
 * {@code io.airlog.cli.internal}.
 */
package io.airlog.cli;
