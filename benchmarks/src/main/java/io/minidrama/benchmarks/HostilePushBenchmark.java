package io.minidrama.benchmarks;

import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.PushRejectedException;
import io.minidrama.events.SignedPush;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long the push receiver takes to refuse hostile bodies (RELIABILITY.md, push rows): 10 MB of
 * nesting, 10 MB of flat structure, 10 KB nested 1001 deep, in plain and safe mode, with the
 * default 64 KiB body limit and with the limit raised to 16 MB (so that the depth scan, not the
 * size check, is what refuses them). Prints one line per case: the outcome and the median and
 * maximum time of 20 runs after 5 warm-up runs.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.minidrama.benchmarks.HostilePushBenchmark}</pre>
 */
public final class HostilePushBenchmark {
    private static final String TOKEN = "benchtoken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxbench000000001";
    private static final int MB10 = 10 << 20;

    private HostilePushBenchmark() {
    }

    /** Runs every case and prints the table. */
    public static void main(String[] args) {
        // allowPlainMode: the plain rows measure the body checks, not the UNENCRYPTED refusal that comes first by default
        PushEventReceiver standard = PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, APPID).allowPlainMode(true).build();
        PushEventReceiver raised = standard.toBuilder().maxBodyBytes(16 << 20).build();
        String head = "{\"ToUserName\":\"gh_1\",\"Event\":\"x\",\"deep\":";
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("json [ x 10 MB", head + "[".repeat(MB10) + "}");
        bodies.put("json [] flat 10 MB", head + "[" + "[],".repeat(MB10 / 3) + "0]}");
        bodies.put("json [ x 1001 (10 KB)", head + "[".repeat(1001) + "]".repeat(1001) + "}");
        bodies.put("xml <a> x 10 MB", "<xml><Event>x</Event>" + "<a>".repeat(MB10 / 3) + "</xml>");
        bodies.put("xml <a/> flat 10 MB", "<xml><Event>x</Event><d>" + "<a/>".repeat(MB10 / 4) + "</d></xml>");
        PushEventSigner plain = PushEventSigner.builder().token(TOKEN).mode(PushMode.PLAIN).clock(Clock.systemUTC()).build();
        PushEventSigner safe = PushEventSigner.builder().token(TOKEN).encryption(AES_KEY, APPID).mode(PushMode.SAFE)
                .format(PushFormat.JSON).clock(Clock.systemUTC()).build();
        System.out.printf("%-24s %-28s %-12s %-34s %10s %10s%n", "body", "mode", "limit", "outcome", "median ms", "max ms");
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            String body = e.getValue();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            SignedPush p = plain.signMessage(body);
            SignedPush s = safe.signMessage(body);
            String encrypt = s.body().replaceAll("(?s).*\"Encrypt\":\"([^\"]+)\".*", "$1");
            Map<String, String> forged = new HashMap<>(s.queryParameters());
            forged.put("msg_signature", "0".repeat(40));
            String outer = "{\"Encrypt\":\"" + encrypt + "\",\"deep\":" + body + "}";
            for (PushEventReceiver r : new PushEventReceiver[] {standard, raised}) {
                String limit = (r.maxBodyBytes() >> 10) + " KiB";
                run(e.getKey(), "plain, byte[]", limit, () -> r.receive(p.queryParameters(), bytes));
                run(e.getKey(), "plain, String", limit, () -> r.receive(p.queryParameters(), body));
                run(e.getKey(), "safe, inside the ciphertext", limit, () -> r.receive(s.queryParameters(), s.body()));
                run(e.getKey(), "safe, unsigned outer body", limit, () -> r.receive(forged, outer));
            }
        }
    }

    private static void run(String body, String mode, String limit, Supplier<Object> call) {
        String outcome = outcome(call);
        long[] ns = new long[20];
        for (int i = -5; i < ns.length; i++) {
            long t0 = System.nanoTime();
            outcome(call);
            if (i >= 0) {
                ns[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(ns);
        System.out.printf("%-24s %-28s %-12s %-34s %10.3f %10.3f%n", body, mode, limit, outcome, ns[ns.length / 2] / 1e6, ns[ns.length - 1] / 1e6);
    }

    private static String outcome(Supplier<Object> call) {
        try {
            return "accepted " + call.get().getClass().getSimpleName();
        } catch (PushRejectedException e) {
            return e.reason().name();
        } catch (RuntimeException e) {
            return "UNTYPED " + e.getClass().getSimpleName();
        }
    }
}
