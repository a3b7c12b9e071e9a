package io.airlog.cli;

import io.airlog.AuditException;
import io.airlog.AuditIntegrityException;
import io.airlog.cli.internal.CheckProofCommand;
import io.airlog.cli.internal.CliException;
import io.airlog.cli.internal.CompareCommand;
import io.airlog.cli.internal.ConsistencyCommand;
import io.airlog.cli.internal.Exit;
import io.airlog.cli.internal.ExportCommand;
import io.airlog.cli.internal.KeygenCommand;
import io.airlog.cli.internal.ProveCommand;
import io.airlog.cli.internal.VerifyCommand;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code airlog} command line for auditors: {@code verify}, {@code prove},
 * {@code check-proof}, {@code consistency}, {@code export}, {@code compare}, {@code keygen}
 * ({@code docs/cli.md}). Every command exits 0 when the log is intact (identical, valid,
 * done), 1 when it is damaged (different, not valid), 2 on a usage, input, I/O or connection
 * error; an expected failure is one message naming the problem, never a stack trace.
 */
@Command(name = "airlog", mixinStandardHelpOptions = true, versionProvider = Airlog.Version.class,
        subcommands = {VerifyCommand.class, ProveCommand.class, CheckProofCommand.class, ConsistencyCommand.class,
            ExportCommand.class, CompareCommand.class, KeygenCommand.class, CommandLine.HelpCommand.class},
        description = {"Verify audit logs written by airlog, prove events and consistency against signed"
                + " checkpoints, export and compare them.",
            "Exit status: 0 intact, 1 damaged or different, 2 usage, I/O or connection error."})
public final class Airlog implements Runnable {
    @Spec
    CommandSpec spec;

    private Airlog() {
    }

    /** Runs a command and exits with its status. */
    public static void main(String[] args) {
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs a command.
     *
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit status: 0, 1 or 2
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Airlog());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Airlog::failed);
        cli.setExitCodeExceptionMapper(e -> Exit.ERROR);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Without a command: the usage. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        String name = "airlog " + command.getCommandName() + ": ";
        int status;
        if (e instanceof CliException c) {
            err.println(name + c.getMessage());
            status = c.exitCode();
        } else if (e instanceof AuditIntegrityException) {
            err.println(name + "damaged: " + e.getMessage());
            status = Exit.DAMAGED;
        } else if (e instanceof AuditException || e instanceof UncheckedIOException) {
            err.println(name + e.getMessage());
            status = Exit.ERROR;
        } else {
            err.println(name + "unexpected failure (a bug; please report it with this trace):");
            e.printStackTrace(err);
            status = Exit.ERROR;
        }
        err.flush();
        return status;
    }

    /** The version, from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Airlog.class.getPackage().getImplementationVersion();
            return new String[] {"airlog " + (version == null ? "(development build)" : version)};
        }
    }
}
