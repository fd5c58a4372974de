package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.store.Commits;
import io.github.ocidiff.store.DiskFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;

/** Entry point: runs the command line and maps failures to one line on stderr and an exit code. */
public final class Main {

    private Main() {
    }

    /** Set by `sim`, a server that runs until it is stopped: a stop signal is how it ends, not a run cut short. */
    static volatile boolean serving;

    /** How long a stop waits for a commit under way to end, well within systemd's 90 s before it kills. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    public static void main(String[] args) {
        // A stop signal (systemd, docker stop, Ctrl-C) ends the JVM without a word otherwise: the log says so.
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get() && !serving) {
                // A commit under way when the signal came ends first (the JVM runs on while its hooks do).
                System.err.println(Commits.last(STOP_WAIT).stream().mapToObj(id -> "ocidiff: stopped before it"
                        + " finished (a stop signal), after it committed snapshot " + id + ", which stays; the next run"
                        + " does what remained").findFirst().orElse("ocidiff: stopped before it finished (a stop"
                        + " signal); what it was writing is not visible, and the next run discards it"));
            }
        }, "ocidiff-stopped"));
        HeapWatch.start(HeapWatch.WINDOW, HeapWatch.LIMIT, "ocidiff: " + stalled(Runtime.getRuntime().maxMemory()),
                OcidiffException.RUNTIME);
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        finished.set(true);
        System.exit(code);
    }

    /** Runs ocidiff in-process (tests use this too) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        OcidiffCommand root = new OcidiffCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli's own messages for a bad date or time name Java classes and the parser's index, not the format.
        cli.registerConverter(LocalDate.class, Main::date);
        cli.registerConverter(Instant.class, Main::instant);
        cli.setParameterExceptionHandler((e, a) -> {
            String suggestion = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? "; did you mean " + String.join(" or ", u.getSuggestions()) + "?" : "";
            err.println("ocidiff: " + e.getMessage() + suggestion);
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return OcidiffException.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = e instanceof OcidiffException oe ? oe.exitCode() : OcidiffException.RUNTIME;
            // The store's own failures are told where they happen; its database's, wherever they surface.
            Optional<String> disk = e instanceof OcidiffException ? Optional.empty() : DiskFailure.describe(e);
            String message = disk.orElseGet(() -> e instanceof OcidiffException ? e.getMessage() : describe(e));
            err.println("ocidiff: " + message);
            if (root.verbose) {
                e.printStackTrace(err);
            } else if (!(e instanceof OcidiffException) && disk.isEmpty()) {
                err.println("(run with --verbose for the stack trace)");
            }
            return code;
        });
        cli.setExecutionStrategy(parseResult -> {
            if (root.verbose) {
                Logging.verbose();
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handler; unwound, what filled the heap is garbage and a line can be printed.
            err.println("ocidiff: " + outOfMemory(Runtime.getRuntime().maxMemory()));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            return OcidiffException.RUNTIME;
        }
    }

    /** One line for a run that filled its heap of {@code maxHeap} bytes: what became of its work, and the fix. */
    static String outOfMemory(long maxHeap) {
        return "out of memory: the Java heap (" + maxHeap / (1024 * 1024) + " MB at most) filled up; "
                + afterOutOfMemory(maxHeap);
    }

    /** One line for a run that {@link HeapWatch} stopped. */
    static String stalled(long maxHeap) {
        return "out of memory: the Java heap (" + maxHeap / (1024 * 1024) + " MB at most) is full, and collecting its"
                + " garbage took over " + Math.round(HeapWatch.LIMIT * 100) + "% of the last "
                + HeapWatch.WINDOW.toSeconds() + " s, so the run stopped; " + afterOutOfMemory(maxHeap);
    }

    private static String afterOutOfMemory(long maxHeap) {
        long more = Math.max(1024, Long.highestOneBit(maxHeap / (1024 * 1024)) * 2);
        return "what it was writing is not"
                + " visible, and the next run discards it or takes it up again; run it with a larger heap, e.g."
                + " OCIDIFF_JAVA_OPTS=\"-XX:+UseParallelGC -Xmx" + more + "m\" ./ocidiff ... (or java -Xmx" + more
                + "m -jar ocidiff.jar ...)";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date; write it as YYYY-MM-DD, e.g. "
                    + LocalDate.of(2026, 11, 5));
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a time; write it as RFC 3339, e.g. "
                    + Instant.parse("2026-11-05T23:59:59Z"));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
