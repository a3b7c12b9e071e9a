package io.airlog.cli.internal;

/**
 * An expected failure of a command: its message names the problem and is shown without a stack
 * trace, and the command ends with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad usage, bad input, or a file or database that cannot be read: exit 2. */
    public static CliException error(String message) {
        return new CliException(Exit.ERROR, message, null);
    }

    /** As {@link #error(String)}, keeping the cause for nobody but a debugger. */
    public static CliException error(String message, Throwable cause) {
        return new CliException(Exit.ERROR, message, cause);
    }

    /** The store or the proof is damaged, or two stores differ: exit 1. */
    public static CliException damaged(String message) {
        return new CliException(Exit.DAMAGED, message, null);
    }

    /** The exit code of the command. */
    public int exitCode() {
        return exitCode;
    }
}
