package io.minidrama.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.adapter.redis.RedisComponentStore;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.events.ComponentEvent;
import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.HttpComponentPort;
import io.minidrama.protocol.component.MiniDramaClients;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The third-party platform soak of issue 17 (API.md section 10): hundreds of authorized mini
 * programs served by several service instances, each a child JVM with its own transport,
 * {@link RedisComponentStore}, {@link ComponentTokens} and {@link MiniDramaClients}, sharing one real
 * {@code redis-server} (started here with AOF, {@code appendfsync always}, in a temporary directory)
 * and one emulator (in this JVM, built with {@code component(..)}), over simulated time.
 *
 * <p><b>Simulated time.</b> The emulator's {@link MutableClock} is the reference. Each child has a
 * {@link MutableClock} of its own given to every component that reads time (the Redis store, the
 * component port, {@link ComponentTokens}, the clients, the push receiver); the driver advances the
 * emulator's clock one simulated minute at a time and then sends every child {@code TIME <epoch ms>}
 * on its standard input, and waits for each to answer before anything runs at that minute. Nothing
 * sleeps: a minute costs what its calls cost. Lock leases are wall-clock (Redis {@code PX}), as in
 * production.
 *
 * <p><b>Token lifetimes</b> are shortened to 10 simulated minutes (the emulator's
 * {@code componentTokenLifetime}; the platform's are 2 hours) and the instances renew 1 minute before
 * expiry ({@code margin}), so every token is renewed at minutes 9, 18, 27, ...: three expiries in the
 * first 30 minutes. The emulated platform rotates refresh tokens on every renewal (the old one refused
 * at once, 61023: harsher than the platform), so a refresh token not written back shows up.
 *
 * <p><b>Each simulated minute</b> every live instance calls {@code authorizedApps()} once for every app
 * (in the same order, so instances contend for the same appid's lock when its token expires); every 10
 * minutes the emulator pushes a new {@code component_verify_ticket}, signed and encrypted, to one
 * instance's callback (round-robin, as a load balancer would), and the driver checks it is the ticket
 * stored in Redis. The authorizations at minute 0 are {@code authorized} pushes too.
 *
 * <p><b>Faults</b> after the soak (at minutes 36, 45, 47, 56 and 72): an instance killed with
 * {@code kill -9} while it holds an appid's refresh lock before asking for the token; an instance
 * killed after the platform answered {@code api_authorizer_token} but before it stored the answer
 * (refresh-token rotation off for that minute: the platform keeps a refresh token between
 * authorizations and its old one stays usable for minutes, which the emulator's rotation does not
 * model; see BENCHMARKS.md); Redis stopped with SIGTERM and started on the same data directory; Redis
 * killed with SIGKILL and started again; at minute 72 an instance killed while it waits for
 * {@code api_component_token} (holding the component token's lock) as the others renew. Each killed
 * instance is started again.
 *
 * <p><b>Checks</b> (exit status 1 if one fails): every call succeeds; per app, renewals = one per
 * expiry (plus the one lost with the instance killed after the fetch); component tokens = one per
 * expiry; every ticket pushed is the one stored; {@code api_authorizer_token} never refused (61023)
 * and {@code api_get_authorizer_list} never called; each app's accepted calls, by the appid the
 * emulator issued the token to, equal the calls made for that app (no app used another's token); at
 * the end every refresh token in Redis is the one the platform accepts.
 *
 * <pre>
 * mvn -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.minidrama.benchmarks.ComponentSoak [apps=300] [instances=3] [soakMinutes=30] [rotating]
 * </pre>
 * With {@code rotating} the refresh token rotates at the minute of the kill after the fetch too: the
 * run then expects exactly one 61023, recovered from {@code api_get_authorizer_list}.
 */
public final class ComponentSoak {
    static final String COMPONENT = "wxcomponentsoak";
    static final String SECRET = "component-secret-soak";
    static final String PUSH_TOKEN = "push-token-soak";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration MARGIN = Duration.ofMinutes(1);
    /** The renewal period: a token issued at t is renewed at t + LIFETIME - MARGIN. */
    static final int PERIOD = (int) LIFETIME.minus(MARGIN).toMinutes();
    static final Duration LEASE = Duration.ofSeconds(5);
    static final String EVENTS_PATH = "/component/events";

    private final int apps;
    private final int instances;
    private final int soakMinutes;
    private final boolean rotating;
    private final Path jar;
    private final Path work;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<Child> children = new ArrayList<>();
    private final int[] expectedCalls;
    private final List<String> failures = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private boolean ok = true;
    private MiniDramaEmulator emulator;
    private Redis redis;
    private RedisClient driverClient;
    private RedisComponentStore driverStore;
    private StatefulRedisConnection<String, String> raw;
    private int minute;
    private int pushes;
    private int ticketsPushed;
    private int ticketsStored;
    private long calls;
    private double childCpuOfEnded;
    private int nextPush;

    private ComponentSoak(int apps, int instances, int soakMinutes, boolean rotating, Path jar, Path work) {
        this.apps = apps;
        this.instances = instances;
        this.soakMinutes = soakMinutes;
        this.rotating = rotating;
        this.jar = jar;
        this.work = work;
        this.expectedCalls = new int[apps];
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("instance")) {
            Instance.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        boolean rotating = args.length > 3 && args[3].equals("rotating");
        if (instances < 3) {
            throw new IllegalArgumentException("the fault phase needs at least 3 instances");
        }
        Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("component-soak-");
        ComponentSoak soak = new ComponentSoak(apps, instances, minutes, rotating, jar, work);
        Runtime.getRuntime().addShutdownHook(new Thread(soak::cleanUp));
        int status;
        try {
            status = soak.run() ? 0 : 1;
        } finally {
            soak.cleanUp();
        }
        System.exit(status);
    }

    static String app(int i) {
        return String.format(Locale.ROOT, "wxapp%04d", i);
    }

    private boolean run() throws Exception {
        long wall0 = System.nanoTime();
        double cpu0 = cpuSeconds(ProcessHandle.current().pid());
        redis = Redis.start(work.resolve("redis"), 0);
        log("redis-server " + redis.binary + " on port " + redis.port + ", AOF appendfsync always in " + redis.dir);
        emulator = MiniDramaEmulator.builder().component(COMPONENT, SECRET).componentTokenLifetime(LIFETIME).threads(8).start();
        emulator.component().rotateRefreshTokens(true);
        driverClient = RedisClient.create("redis://127.0.0.1:" + redis.port);
        driverStore = RedisComponentStore.builder(driverClient).clock(emulator.clock()).build();
        raw = driverClient.connect();
        log("emulator at " + emulator.baseUrl() + ", simulated start " + emulator.clock().instant() + "; " + apps + " apps, "
                + instances + " instances, tokens live " + LIFETIME.toMinutes() + " simulated min, renewed " + MARGIN.toMinutes()
                + " min before expiry (every " + PERIOD + " min)");
        for (int i = 0; i < instances; i++) {
            children.add(Child.start(this, i, 0));
        }
        for (Child c : children) {
            c.awaitReady();
        }

        // minute 0: a ticket, then every app authorizes (an `authorized` push each, round-robin)
        setTime();
        pushTicket();
        long t0 = System.nanoTime();
        for (int a = 0; a < apps; a++) {
            emulator.pushComponentEventsTo(nextInstance(), PUSH_TOKEN, AES_KEY);
            emulator.authorizeComponent(app(a), Set.of(153, 157));
            pushes++;
            checkPush("authorized " + app(a));
        }
        int queried = emulator.component().calls().getOrDefault("api_query_auth", 0);
        int grants = driverStore.authorizers(COMPONENT).size();
        check(queried == apps && grants == apps, "authorizations: " + apps + " `authorized` pushes, api_query_auth " + queried
                + ", grants in Redis " + grants + " (" + ms(t0) + " ms)");
        callAll();

        // the soak
        for (int m = 1; m <= soakMinutes; m++) {
            step();
        }
        double soakWall = (System.nanoTime() - wall0) / 1e9;
        double soakCpu = totalCpu(cpu0);
        Map<String, Integer> api = emulator.component().calls();
        int expiries = soakMinutes / PERIOD;
        int renewalsOk = 0;
        int renewalsTotal = 0;
        for (int a = 0; a < apps; a++) {
            int r = emulator.component().renewals(app(a));
            renewalsTotal += r;
            if (r == expiries) {
                renewalsOk++;
            } else {
                failures.add("soak: " + app(a) + " renewed " + r + " times, expected " + expiries);
            }
        }
        int componentTokens = api.getOrDefault("api_component_token", 0);
        int refused = api.getOrDefault("api_authorizer_token", 0) - renewalsTotal;
        check(renewalsOk == apps, "soak: api_authorizer_token renewals = " + renewalsTotal + " = " + apps + " apps x " + expiries
                + " expiries (apps with exactly one renewal per expiry: " + renewalsOk + "/" + apps + ")");
        check(componentTokens == 1 + expiries, "soak: api_component_token " + componentTokens + " = 1 + " + expiries + " expiries");
        check(refused == 0 && api.getOrDefault("api_get_authorizer_list", 0) == 0, "soak: api_authorizer_token refused (61023) "
                + refused + ", api_get_authorizer_list " + api.getOrDefault("api_get_authorizer_list", 0));
        check(ticketsStored == ticketsPushed, "soak: tickets pushed " + ticketsPushed + ", newest stored after each " + ticketsStored);
        checkOwners("soak");
        check(failures.isEmpty(), "soak: " + calls + " calls over " + soakMinutes + " simulated minutes, failed "
                + failures.size());
        String soakLine = String.format(Locale.ROOT, "SOAK apps=%d instances=%d simulated_min=%d calls=%d renewals_per_app_per_expiry=%s"
                        + " component_tokens=%d (expiries %d) tickets_pushed=%d stored=%d 61023=%d cross_app=%d wall_s=%.1f cpu_s=%.1f",
                apps, instances, soakMinutes, calls, renewalsOk == apps ? "1" : "NOT 1", componentTokens, expiries,
                ticketsPushed, ticketsStored, refused, crossApp(), soakWall, soakCpu);

        // faults
        int killA = nextRefresh(minute + 1);
        while (minute < killA - 1) {
            step();
        }
        Map<String, Integer> before = renewals();
        String heldA = killMidRefresh(0, "before", 0);
        int renewedA = emulator.component().renewals(heldA) - before.get(heldA);
        int killB = nextRefresh(minute + 1);
        while (minute < killB - 1) {
            step();
        }
        // the platform keeps a refresh token between authorizations (and an old one stays usable for minutes):
        // without rotation at this minute the answer lost with the killed instance costs an access token only;
        // with "rotating", the emulator's instant rotation makes it cost one 61023, recovered from the authorizer list
        emulator.component().rotateRefreshTokens(rotating);
        String heldB = killMidRefresh(1, "after", apps / 2);
        emulator.component().rotateRefreshTokens(true);
        step();
        double stopWall = restartRedis(false);
        int next = nextRefresh(minute + 1);
        while (minute < next) {
            step();
        }
        step();
        double crashWall = restartRedis(true);
        next = nextRefresh(minute + 1);
        while (minute < next) {
            step();
        }
        step();
        next = nextRefresh(minute + 1);
        while (minute < next - 1) {
            step();
        }
        // an instance dies holding the component token's lock (and app 0's): the others, each holding
        // another appid's lock, wait for the component lock's lease inside their own
        String heldC = killMidRefresh(2, "component", 0, 1);
        step();

        api = emulator.component().calls();
        Map<String, Integer> after = renewals();
        int totalExpiries = minute / PERIOD;
        int wrong = 0;
        renewalsTotal = 0;
        for (int a = 0; a < apps; a++) {
            int r = after.get(app(a));
            renewalsTotal += r;
            int want = totalExpiries + (app(a).equals(heldB) ? 1 : 0);
            if (r != want) {
                wrong++;
                failures.add(app(a) + " renewed " + r + " times in " + minute + " min, expected " + want);
            }
        }
        refused = api.getOrDefault("api_authorizer_token", 0) - renewalsTotal;
        int allowed = rotating ? 1 : 0;
        check(wrong == 0 && renewedA == 1, "whole run (" + minute + " simulated min, " + totalExpiries + " expiries): renewals = one per app per expiry,"
                + " plus 1 for " + heldB + " (the answer lost with the instance killed after its fetch); " + (renewedA == 1
                ? "" : "NOT ") + "one renewal of " + heldA + " after the instance holding its lock was killed");
        check(api.getOrDefault("api_component_token", 0) == 1 + totalExpiries, "whole run: api_component_token "
                + api.getOrDefault("api_component_token", 0) + " = 1 + " + totalExpiries);
        check(refused == allowed && api.getOrDefault("api_get_authorizer_list", 0) == allowed, "whole run: api_authorizer_token refused (61023) "
                + refused + ", api_get_authorizer_list " + api.getOrDefault("api_get_authorizer_list", 0)
                + (rotating ? " (expected 1 and 1: the refresh token rotated for the killed instance, recovered from the list)" : ""));
        check(ticketsStored == ticketsPushed, "whole run: tickets pushed " + ticketsPushed + ", newest stored after each " + ticketsStored);
        int lost = 0;
        for (int a = 0; a < apps; a++) {
            String held = driverStore.grant(COMPONENT, app(a)).map(AuthorizerGrant::refreshToken).orElse("");
            if (!emulator.component().currentRefreshToken(app(a)).orElse("-").equals(held)) {
                lost++;
                failures.add(app(a) + ": the refresh token in Redis is not the one the platform accepts");
            }
        }
        check(lost == 0, "whole run: refresh tokens in Redis = the platform's current ones: " + (apps - lost) + "/" + apps);
        checkOwners("whole run");
        check(failures.isEmpty(), "whole run: " + calls + " calls, failed " + failures.size());
        for (Child c : children) {
            c.quit();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = totalCpu(cpu0);
        System.out.println();
        for (String c : checks) {
            System.out.println(c);
        }
        failures.stream().limit(20).forEach(f -> System.out.println("FAILURE " + f));
        System.out.println(soakLine);
        System.out.printf(Locale.ROOT, "FAULTS kill_before_fetch=%s kill_after_fetch=%s kill_holding_component_lock=%s redis_sigterm_restart_s=%.2f"
                        + " redis_sigkill_restart_s=%.2f lease_s=%d lock_lease_delay_ms=%s%n", heldA, heldB, heldC, stopWall, crashWall,
                LEASE.toSeconds(), leaseDelays);
        System.out.printf(Locale.ROOT, "TOTAL simulated_min=%d calls=%d pushes=%d wall_s=%.1f cpu_s=%.1f (driver+emulator %.1f,"
                        + " instances %.1f, redis %.1f) result=%s%n", minute, calls, pushes, wall, cpu, cpuSeconds(ProcessHandle.current().pid()) - cpu0,
                childCpuOfEnded, redis.cpuSoFar(), ok ? "PASS" : "FAIL");
        return ok;
    }

    private final List<Long> leaseDelays = new ArrayList<>();

    /** The first renewal minute at or after {@code from}. */
    private static int nextRefresh(int from) {
        return (from + PERIOD - 1) / PERIOD * PERIOD;
    }

    private Map<String, Integer> renewals() {
        Map<String, Integer> out = new HashMap<>();
        for (int a = 0; a < apps; a++) {
            out.put(app(a), emulator.component().renewals(app(a)));
        }
        return out;
    }

    private int crossApp() {
        Map<String, Integer> byOwner = emulator.component().operationCallsByAuthorizer();
        int off = 0;
        for (int a = 0; a < apps; a++) {
            off += Math.abs(byOwner.getOrDefault(app(a), 0) - expectedCalls[a]);
        }
        return off;
    }

    private void checkOwners(String phase) {
        Map<String, Integer> byOwner = emulator.component().operationCallsByAuthorizer();
        int match = 0;
        long accepted = 0;
        for (int a = 0; a < apps; a++) {
            int got = byOwner.getOrDefault(app(a), 0);
            accepted += got;
            if (got == expectedCalls[a]) {
                match++;
            } else {
                failures.add(phase + ": " + app(a) + ": the emulator accepted " + got + " calls with its tokens, " + expectedCalls[a] + " were made for it");
            }
        }
        check(match == apps && byOwner.size() == apps, phase + ": calls accepted by the appid the token was issued to = calls made for that appid,"
                + " for " + match + "/" + apps + " apps (" + accepted + " calls; cross-app token uses " + crossApp() + ")");
    }

    private void check(boolean passed, String what) {
        ok &= passed;
        String line = (passed ? "PASS " : "FAIL ") + what;
        checks.add(line);
        log(line);
    }

    // ------------------------------------------------------------------ steps

    /** One simulated minute: the clock, a ticket every 10 minutes, then every instance calls every app. */
    private void step() throws Exception {
        minute++;
        setTime();
        if (minute % 10 == 0) {
            pushTicket();
        }
        callAll();
        if (minute % 10 == 0) {
            log("minute " + minute + ": " + calls + " calls so far, " + failures.size() + " failures");
        }
    }

    private void setTime() throws Exception {
        emulator.clock().set(start().plus(Duration.ofMinutes(minute)));
        long ms = emulator.clock().instant().toEpochMilli();
        for (Child c : children) {
            c.send("TIME " + ms);
        }
        for (Child c : children) {
            c.expect("OK");
        }
    }

    private Instant start;

    private Instant start() {
        if (start == null) {
            start = emulator.clock().instant();
        }
        return start;
    }

    private URI nextInstance() {
        Child c = children.get(Math.floorMod(nextPush++, children.size()));
        return URI.create("http://127.0.0.1:" + c.pushPort + EVENTS_PATH);
    }

    private void pushTicket() {
        emulator.pushComponentEventsTo(nextInstance(), PUSH_TOKEN, AES_KEY);
        String ticket = emulator.pushTicket();
        pushes++;
        ticketsPushed++;
        checkPush("ticket");
        String stored = driverStore.ticket(COMPONENT).map(t -> t.value()).orElse("");
        if (stored.equals(ticket)) {
            ticketsStored++;
        } else {
            failures.add("minute " + minute + ": the ticket stored is not the one pushed");
        }
    }

    private void checkPush(String what) {
        List<String> log = emulator.componentPushLog();
        String last = log.isEmpty() ? "" : log.get(log.size() - 1);
        if (!last.endsWith("200 success")) {
            failures.add("minute " + minute + ": push " + what + ": " + last);
        }
    }

    private void callAll() throws Exception {
        callAll(children, 0);
    }

    /** {@code CALLS start} on each of {@code who}; returns the slowest call of each, in ms. */
    private List<long[]> callAll(List<Child> who, int start) throws Exception {
        for (Child c : who) {
            c.send("CALLS " + start);
        }
        List<long[]> slowest = new ArrayList<>();
        for (Child c : who) {
            String[] done = c.expect("DONE").split(" ");
            int good = Integer.parseInt(done[1]);
            calls += good + Integer.parseInt(done[2]);
            for (int a = 0; a < apps; a++) {
                if (!c.failedApps.contains(app(a))) {
                    expectedCalls[a]++;
                }
            }
            c.failedApps.clear();
            slowest.add(new long[]{Long.parseLong(done[3]), Integer.parseInt(done[4])});
        }
        return slowest;
    }

    /**
     * Kills instance {@code index} with {@code kill -9} mid-renewal ({@code before}: holding the
     * appid's lock, before {@code api_authorizer_token} is sent; {@code after}: once the platform
     * answered it, before the answer is stored), lets the others call, then starts it again.
     *
     * @return the appid whose renewal was cut
     */
    private String killMidRefresh(int index, String mode, int startApp) throws Exception {
        return killMidRefresh(index, mode, startApp, startApp);
    }

    private String killMidRefresh(int index, String mode, int startApp, int othersStart) throws Exception {
        minute++;
        setTime();
        Child victim = children.get(index);
        victim.send("ARM " + mode);
        victim.expect("OK");
        victim.send("CALLS " + startApp);
        String[] hold = victim.expect("HOLD").split(" ");
        String held = hold[1];
        int doneBefore = Integer.parseInt(hold[3]);
        for (int i = 0; i < doneBefore; i++) {
            expectedCalls[(startApp + i) % apps]++;
        }
        calls += doneBefore;
        String lock = mode.equals("component") ? "component" : held;
        long pttl = raw.sync().pttl("minidrama:component:{" + COMPONENT + "}:lock:" + lock);
        long t0 = System.nanoTime();
        victim.kill9();
        log("minute " + minute + ": instance " + index + " killed with kill -9 while renewing " + held + " ("
                + (mode.equals("component") ? "waiting for the api_component_token answer" : mode + " the api_authorizer_token answer")
                + "; the lock " + lock + " held, " + pttl + " ms of its lease left)");
        List<Child> others = new ArrayList<>(children);
        others.remove(victim);
        List<long[]> slowest = callAll(others, othersStart);
        long waited = slowest.stream().filter(s -> s[1] == othersStart).mapToLong(s -> s[0]).max().orElse(-1);
        leaseDelays.add(waited);
        log("minute " + minute + ": the other instances' call of " + app(othersStart) + " took up to " + waited + " ms (the lock's lease),"
                + " all their calls done " + ms(t0) + " ms after the kill");
        Child again = Child.start(this, index, victim.generation + 1);
        children.set(index, again);
        again.awaitReady();
        long ms = emulator.clock().instant().toEpochMilli();
        again.send("TIME " + ms);
        again.expect("OK");
        callAll(List.of(again), 0);
        return held;
    }

    private double restartRedis(boolean crash) throws Exception {
        minute++;
        setTime();
        long t0 = System.nanoTime();
        long aof = aofBytes();
        redis = redis.restart(crash);
        raw.sync().ping();
        double took = (System.nanoTime() - t0) / 1e9;
        log("minute " + minute + ": redis-server " + (crash ? "killed with SIGKILL" : "stopped with SIGTERM") + " and started on the same"
                + " data directory (AOF " + aof + " bytes) in " + String.format(Locale.ROOT, "%.2f", took) + " s; grants in Redis "
                + driverStore.authorizers(COMPONENT).size());
        callAll();
        return took;
    }

    private long aofBytes() throws IOException {
        try (Stream<Path> s = Files.walk(redis.dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains("aof")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private double totalCpu(double driverCpu0) {
        double live = 0;
        for (Child c : children) {
            live += c.cpu();
        }
        return cpuSeconds(ProcessHandle.current().pid()) - driverCpu0 + childCpuOfEnded + live + redis.cpuSoFar();
    }

    private synchronized void cleanUp() {
        for (Child c : children) {
            c.destroy();
        }
        if (raw != null) {
            raw.close();
            raw = null;
        }
        if (driverStore != null) {
            driverStore.close();
            driverStore = null;
        }
        if (driverClient != null) {
            driverClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            driverClient = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        if (redis != null) {
            redis.stop();
        }
        if (work != null && Files.exists(work)) {
            try {
                Trees.delete(work);
            } catch (IOException ignored) {
                // a temp dir
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void log(String s) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + s);
    }

    /** user + sys CPU seconds of a live process, from /proc/PID/stat (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ the redis-server

    /** A {@code redis-server} child with AOF ({@code appendfsync always}) in {@code dir}. */
    static final class Redis {
        final String binary;
        final Path dir;
        final int port;
        final Process process;
        final double cpuBefore;

        private Redis(String binary, Path dir, int port, Process process, double cpuBefore) {
            this.binary = binary;
            this.dir = dir;
            this.port = port;
            this.process = process;
            this.cpuBefore = cpuBefore;
        }

        static Redis start(Path dir, int port) throws IOException, InterruptedException {
            return start(dir, port == 0 ? freePort() : port, 0);
        }

        private static Redis start(Path dir, int port, double cpuBefore) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            String bin = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .map(d -> Path.of(d, "redis-server")).filter(Files::isExecutable).findFirst()
                    .map(Path::toString).orElse("/usr/bin/redis-server");
            Process p = new ProcessBuilder(bin, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                    "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no", "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
                }
                if (pong(port)) {
                    return new Redis(bin, dir, port, p, cpuBefore);
                }
                Thread.sleep(20);
            }
            p.destroyForcibly();
            throw new IllegalStateException("redis-server did not answer PING on port " + port);
        }

        /** Stops this server (SIGTERM: a clean shutdown; or SIGKILL: a crash) and starts one on the same directory and port. */
        Redis restart(boolean crash) throws IOException, InterruptedException {
            double cpu = cpuSoFar();
            if (crash) {
                new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
            } else {
                process.destroy();
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server did not stop");
            }
            return start(dir, port, cpu);
        }

        double cpuSoFar() {
            return cpuBefore + (process.isAlive() ? cpuSeconds(process.pid()) : 0);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        private static boolean pong(int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                s.setSoTimeout(1000);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] buf = s.getInputStream().readNBytes(7);
                return new String(buf, StandardCharsets.US_ASCII).startsWith("+PONG");
            } catch (IOException notYet) {
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
    }

    // ------------------------------------------------------------------ a service instance, seen from the driver

    /** A service instance's JVM: commands on its stdin, one answer line each on its stdout. */
    static final class Child {
        final ComponentSoak soak;
        final int index;
        final int generation;
        final Process process;
        final BufferedWriter in;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Set<String> failedApps = new java.util.HashSet<>();
        int pushPort;
        private double lastCpu;

        private Child(ComponentSoak soak, int index, int generation, Process process) {
            this.soak = soak;
            this.index = index;
            this.generation = generation;
            this.process = process;
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                lines.add("EOF");
            }, "instance-" + index + "-" + generation);
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(ComponentSoak soak, int index, int generation) throws IOException {
            Path log = soak.work.resolve("instance-" + index + "-" + generation + ".log");
            List<String> cmd = List.of(soak.javaBin, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dsun.net.httpserver.nodelay=true", "-cp", soak.jar.toString(), ComponentSoak.class.getName(), "instance",
                    Integer.toString(index), soak.emulator.baseUrl().toString(), "redis://127.0.0.1:" + soak.redis.port,
                    Integer.toString(soak.apps), Long.toString(soak.start().toEpochMilli()));
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            return new Child(soak, index, generation, p);
        }

        void awaitReady() throws Exception {
            pushPort = Integer.parseInt(expect("READY").split(" ")[1]);
        }

        void send(String line) throws IOException {
            in.write(line);
            in.newLine();
            in.flush();
        }

        /** The next line starting with {@code prefix}; FAIL lines on the way are recorded. */
        String expect(String prefix) throws Exception {
            while (true) {
                String line = lines.poll(300, TimeUnit.SECONDS);
                if (line == null || line.equals("EOF")) {
                    throw new IllegalStateException("instance " + index + " sent no " + prefix + (line == null ? " in 300 s" : ": it exited")
                            + "; see its log " + soak.work.resolve("instance-" + index + "-" + generation + ".log"));
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.startsWith("FAIL ")) {
                    String[] f = line.split(" ", 3);
                    failedApps.add(f[1]);
                    soak.failures.add("minute " + soak.minute + ", instance " + index + ": " + line.substring(5));
                } else {
                    log("instance " + index + ": " + line);
                }
            }
        }

        double cpu() {
            if (process.isAlive()) {
                lastCpu = cpuSeconds(process.pid());
            }
            return lastCpu;
        }

        void kill9() throws Exception {
            soak.childCpuOfEnded += cpu();
            new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("instance " + index + " survived kill -9");
            }
        }

        void quit() throws Exception {
            soak.childCpuOfEnded += cpu();
            send("QUIT");
            expect("BYE");
            process.waitFor(20, TimeUnit.SECONDS);
        }

        void destroy() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------ a service instance, inside its JVM

    /**
     * One service instance (a child JVM): its own transport, Lettuce connection, {@link RedisComponentStore},
     * {@link ComponentTokens}, {@link MiniDramaClients} and a callback for the platform's pushes. Commands on
     * stdin: {@code TIME <epoch ms>} (sets its clock), {@code CALLS <first app>} (one call per app, in order,
     * from that app round; answers {@code DONE <ok> <failed> <slowest ms> <its app index>}, after a
     * {@code FAIL <appid> <error>} line per failure), {@code ARM before|after} (the next
     * {@code api_authorizer_token} request hangs for ever, before it is sent or once it is answered, after
     * printing {@code HOLD <appid> <mode> <calls done>}), {@code QUIT}.
     */
    static final class Instance {
        private static volatile String armed;
        private static volatile String current = "";
        private static volatile int done;

        private Instance() {
        }

        static void run(String[] a) throws Exception {
            URI base = URI.create(a[1]);
            String redisUri = a[2];
            int apps = Integer.parseInt(a[3]);
            MutableClock clock = MutableClock.at(Instant.ofEpochMilli(Long.parseLong(a[4])));
            JdkHttpTransport http = JdkHttpTransport.create();
            HttpTransport hooked = new HttpTransport() {
                @Override
                public TransportResponse execute(TransportRequest request) {
                    String mode = armed;
                    if ("component".equals(mode) && request.uri().getPath().endsWith("/api_component_token")) {
                        armed = null;
                        hang(mode);
                    }
                    if (mode != null && !mode.equals("component") && request.uri().getPath().endsWith("/api_authorizer_token")) {
                        armed = null;
                        if (mode.equals("before")) {
                            hang(mode);
                        }
                        TransportResponse r = http.execute(request);
                        hang(mode);
                        return r;
                    }
                    return http.execute(request);
                }
            };
            RedisClient client = RedisClient.create(redisUri);
            RedisComponentStore store = RedisComponentStore.builder(client).clock(clock).lockLease(LEASE).build();
            ComponentTokens tokens = ComponentTokens.builder(COMPONENT, SECRET)
                    .port(HttpComponentPort.builder().transport(hooked).baseUrl(base).clock(clock).build())
                    .store(store).clock(clock).margin(MARGIN).build();
            MiniDramaClients clients = MiniDramaClients.builder().transport(http).baseUrl(base).component(tokens)
                    .clientOptions(b -> b.clock(clock)).build();
            ComponentEventReceiver receiver = ComponentEventReceiver.builder().token(PUSH_TOKEN).encryption(AES_KEY, COMPONENT)
                    .clock(clock).build();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext(EVENTS_PATH, ex -> {
                try (ex) {
                    byte[] body;
                    try (InputStream is = ex.getRequestBody()) {
                        body = is.readAllBytes();
                    }
                    String answer;
                    int status = 200;
                    try {
                        ComponentEvent e = receiver.receive(query(ex.getRequestURI().getRawQuery()), body);
                        if (e instanceof ComponentEvent.Ticket t) {
                            tokens.acceptTicket(t.ticket(), t.createdAt());
                        } else if (e instanceof ComponentEvent.Authorized z) {
                            tokens.authorize(z.authorizationCode());
                        } else if (e instanceof ComponentEvent.UpdateAuthorized z) {
                            tokens.authorize(z.authorizationCode());
                        } else if (e instanceof ComponentEvent.Unauthorized z) {
                            tokens.revoke(z.authorizerAppId(), z.createdAt());
                        }
                        answer = "success";
                    } catch (RuntimeException e) {
                        status = 500;
                        answer = e.getClass().getSimpleName() + ": " + e.getMessage();
                        System.err.println("push refused: " + answer);
                    }
                    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(status, out.length);
                    ex.getResponseBody().write(out);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "push-callback");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            System.out.println("READY " + server.getAddress().getPort());
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = stdin.readLine()) != null; ) {
                String[] c = line.split(" ");
                switch (c[0]) {
                    case "TIME" -> {
                        clock.set(Instant.ofEpochMilli(Long.parseLong(c[1])));
                        System.out.println("OK");
                    }
                    case "ARM" -> {
                        armed = c[1];
                        System.out.println("OK");
                    }
                    case "CALLS" -> {
                        int first = Integer.parseInt(c[1]);
                        int good = 0;
                        int bad = 0;
                        long slowest = -1;
                        int slowApp = -1;
                        done = 0;
                        for (int i = 0; i < apps; i++) {
                            int idx = (first + i) % apps;
                            current = app(idx);
                            long t0 = System.nanoTime();
                            try {
                                clients.client(current).authorizedApps();
                                good++;
                            } catch (RuntimeException e) {
                                bad++;
                                System.out.println("FAIL " + current + " " + e.getClass().getSimpleName() + ": "
                                        + String.valueOf(e.getMessage()).replace('\n', ' '));
                            }
                            done++;
                            long took = (System.nanoTime() - t0) / 1_000_000;
                            if (took > slowest) {
                                slowest = took;
                                slowApp = idx;
                            }
                        }
                        System.out.println("DONE " + good + " " + bad + " " + slowest + " " + slowApp);
                    }
                    case "QUIT" -> {
                        server.stop(0);
                        clients.close();
                        store.close();
                        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                        System.out.println("BYE");
                        System.out.flush();
                        System.exit(0);
                    }
                    default -> System.out.println("ERROR unknown command " + c[0]);
                }
            }
        }

        private static void hang(String mode) {
            System.out.println("HOLD " + current + " " + mode + " " + done);
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted while hanging");
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> q = new LinkedHashMap<>();
            if (raw == null) {
                return q;
            }
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : kv.substring(eq + 1);
                q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
            return q;
        }
    }
}
