package io.airlog.cli.internal;

import io.airlog.cli.Airlog;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    /**
     * What a run printed and returned.
     *
     * @param status the exit status
     * @param out standard output
     * @param err standard error
     */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Airlog.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }
}
