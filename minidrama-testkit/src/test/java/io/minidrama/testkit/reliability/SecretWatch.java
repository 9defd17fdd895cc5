package io.minidrama.testkit.reliability;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Secret hygiene over a whole test class: captures every log record (the library logs through
 * {@link System.Logger}, which defaults to java.util.logging; the root logger is opened to ALL
 * while the class runs) and every exception the tests hand it or that escapes a test, and after
 * the class fails if any of them contains a registered secret (app secret, access tokens, AES key).
 */
final class SecretWatch implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {
    /** JDK loggers that print request lines (with the token the platform wants in the query) at DEBUG/FINE. */
    private static final List<String> JDK_HTTP_LOGGERS = List.of("log jdk.internal.httpclient", "log com.sun.net.httpserver");
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            texts.add("log " + r.getLoggerName() + ": " + formatter.format(r));
            if (r.getThrown() != null) {
                exception(r.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;
    private volatile int logRecords;
    private volatile int exceptions;

    /** Registers a value that must never appear. */
    void secret(String value) {
        if (value != null && value.length() >= 6) {
            secrets.add(value);
        }
    }

    void secrets(List<String> values) {
        values.forEach(this::secret);
    }

    /** Records an exception: its message, toString, causes and suppressed exceptions. */
    void exception(Throwable t) {
        exceptions++;
        walk(t, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Records any other text that the suite produced (a child process's output). */
    void text(String origin, String value) {
        texts.add(origin + ": " + value);
    }

    private void walk(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        texts.add("exception " + t);
        java.io.StringWriter trace = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(trace));
        texts.add("trace " + trace);
        walk(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            walk(s, seen);
        }
    }

    int logRecordsSeen() {
        return (int) texts.stream().filter(s -> s.startsWith("log ")).count();
    }

    int exceptionsSeen() {
        return exceptions;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        // The JDK's own HTTP loggers print every request line, access token included, at DEBUG; they are
        // not the library's (RELIABILITY.md, "seen, not fixed"), and at ALL they slow the suite tenfold.
        for (String jdk : JDK_HTTP_LOGGERS) {
            Logger.getLogger(jdk.substring(4)).setLevel(Level.INFO);
        }
        // Console handlers keep their own INFO threshold, so DEBUG records are captured, not printed.
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        exception(throwable);
        throw throwable;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        root.setLevel(previous);
        List<String> leaks = new ArrayList<>();
        java.util.Map<String, Integer> jdkLeaks = new java.util.TreeMap<>();
        for (String text : texts) {
            for (String s : secrets) {
                if (text.contains(s)) {
                    if (JDK_HTTP_LOGGERS.stream().anyMatch(text::startsWith)) {
                        // Known and not the library's: the JDK's HTTP client logs request URIs at DEBUG, and the platform
                        // puts the access token in the query. Counted and reported in RELIABILITY.md, not failed on.
                        jdkLeaks.merge(text.substring(4, text.indexOf(':')), 1, Integer::sum);
                    } else {
                        leaks.add(text.substring(0, Math.min(300, text.length())).replace(s, "<SECRET>"));
                    }
                }
            }
        }
        if (!jdkLeaks.isEmpty()) {
            System.out.println("[reliability] JDK HTTP DEBUG records carrying a token (known, see RELIABILITY.md): " + jdkLeaks);
        }
        System.out.printf("[reliability] %s secret hygiene: %d texts scanned (%d log records, %d exceptions) for %d secrets: %d leaks%n",
                context.getRequiredTestClass().getSimpleName(), texts.size(), logRecordsSeen(), exceptions, secrets.size(), leaks.size());
        if (secrets.isEmpty()) {
            throw new AssertionError("no secrets were registered: the scan would prove nothing");
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " texts contain a secret, first: " + leaks.get(0));
        }
    }
}
