package io.airlog.cli.internal;

/** The exit codes of every command. */
public final class Exit {
    /** Intact, identical, valid, or done. */
    public static final int OK = 0;
    /** Damaged, different, or not valid. */
    public static final int DAMAGED = 1;
    /** Usage, input, I/O or connection error: nothing was decided. */
    public static final int ERROR = 2;

    private Exit() {
    }

    /** 0 when {@code ok}, else 1. */
    public static int of(boolean ok) {
        return ok ? OK : DAMAGED;
    }
}
