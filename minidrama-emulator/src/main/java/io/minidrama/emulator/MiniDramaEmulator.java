package io.minidrama.emulator;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.emulator.internal.ApiHandler;
import io.minidrama.emulator.internal.ControlHandler;
import io.minidrama.emulator.internal.Exchanges404;
import io.minidrama.emulator.internal.Pusher;
import io.minidrama.emulator.internal.TokenHandler;
import io.minidrama.emulator.internal.Tokens;
import io.minidrama.emulator.internal.WireProblems;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that speaks the WeChat wire protocol of every mini-drama operation and of
 * {@code /cgi-bin/token} and {@code /cgi-bin/stable_token}, backed by an
 * {@link InMemoryMiniDramaPlatform}. Aim the HTTP adapter (or {@code curl}) at {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (MiniDramaEmulator emulator = MiniDramaEmulator.start()) {
 *     MiniDramaPlatform client = JdkHttpMiniDramaAdapter.builder()
 *             .baseUrl(emulator.baseUrl()).credentials("any-appid", "any-secret").build();
 *     ...
 *     emulator.control().approveDrama(dramaId);
 * }
 * }</pre>
 *
 * <p><b>Wire behaviour.</b> It accepts exactly what the platform accepts and answers the platform's
 * errcodes otherwise: an operation called with GET is 43002; a missing token 41001; an unknown
 * token 40001, an expired one 42001; an empty body 44002; a body that is not JSON (or not
 * multipart for the two upload operations) 47001; a body that does not fit the operation's request
 * table on the official page (an unknown field, a wrong JSON type, a missing required field) 47003,
 * recorded as a {@link WireProblem} ({@link #wireProblems()}); an invalid argument 47003 (or the operation's
 * own code: 10090001 video type, 10090002 image type, 10090005 {@code resource_type}); a
 * single-file upload of 10 MB or more, or a part over 5 MB, HTTP 502 as the platform's gateway
 * does. The state rules and their errcodes are the fake's. Any appid and secret are accepted
 * unless {@link Builder#credentials} sets them. Injected transport faults close the connection
 * without an answer.
 *
 * <p><b>Bounded, to run for hours</b> (in a CI job, shared by many test runs). Multipart bodies are
 * streamed through a 64 KB window; a file field is collected only up to its endpoint's limit and
 * nothing is ever allocated from a client's declared {@code Content-Length}: an upload body
 * declared (or found while streaming) larger than its endpoint accepts (a part and its fields, or a
 * 10 MB video and a 10 MB cover) is answered HTTP 502 at once, as the platform's gateway does; a JSON
 * body over 1 MB is 47001, a control body over 1 MB (10 MB for a seeded video) HTTP 413. The fake
 * behind a default emulator keeps the bytes of media up to 64 MB only ({@link Builder#keepContentUpTo}),
 * digests parts as they arrive and frees uploads abandoned for an hour of wall-clock time
 * ({@link Builder#abandonedUploadsExpireAfter}), whatever its own clock says. Requests are served by
 * a fixed pool of threads ({@link Builder#threads}, default 16). The JDK server's system properties
 * are set when the first emulator of the process starts, each only if not already set:
 * {@code sun.net.httpserver.nodelay=true} (without it uploads wait for delayed ACKs),
 * {@code sun.net.httpserver.maxReqTime=60} and {@code sun.net.httpserver.maxRspTime=60} (seconds: a
 * connection that takes longer to send its request, or to take its answer, is closed, so half-open
 * connections cannot hold the threads for long); idle connections are closed after
 * {@code sun.net.httpserver.idleInterval} (the JDK's default, 30 s). A body refused unread is not
 * read further than the JDK server's {@code sun.net.httpserver.drainAmount} (64 KB); then the
 * connection closes.
 *
 * <p><b>Control over HTTP</b>, under {@code /__emulator/} (JSON in and out; misuse is HTTP 400):
 * <ul>
 *   <li>{@code POST reset}; {@code GET clock}; {@code POST clock/advance {"seconds"|"millis"}}</li>
 *   <li>{@code POST dramas/{id}/approve}; {@code POST dramas/{id}/reject {"reason", "evidence_material_id_list",
 *       "resubmit_with_changes"}}; {@code POST media/{id}/approve}; {@code POST media/{id}/reject {...}}</li>
 *   <li>{@code POST dramas/{id}/approve-replacement}; {@code POST dramas/{id}/reject-replacement {"reason"}};
 *       {@code POST dramas/{id}/approve-info-change}; {@code POST dramas/{id}/reject-info-change} (each pushes an
 *       audit event with audit type 2 or 3)</li>
 *   <li>{@code POST packages {"total_mb", "start_time", "end_time", "directed"}} (answers {@code package_id});
 *       {@code POST packages/{id}/used {"used_mb"}}</li>
 *   <li>{@code GET appid}; {@code POST appids/{appid}/lacks-category}; {@code POST received/dramas {"authorizer_appid",
 *       "drama_id", "expire_time"}}; {@code POST received/apps {"authorizer_appid", "expire_time"}}; {@code POST received/copyrights
 *       {...}} (the grantee's views)</li>
 *   <li>{@code POST media?media_name=..} with the video as body (seed a media); {@code GET media/{id}} (size,
 *       sha256, duration); {@code GET media/{id}/content}; {@code POST media/{id}/duration {"seconds"}}</li>
 *   <li>{@code POST faults {"operation", "times", "errcode"}} or {@code {"operation", "times", "transport":
 *       "before"|"after"}}; {@code POST faults/clear}; {@code POST latency {"operation"?, "millis"}};
 *       {@code POST pull-failures {"times", "errcode", "errmsg"}}</li>
 *   <li>{@code POST play {"url", "client_ip", "referer", "bytes"}}; {@code GET calls}; {@code GET events}</li>
 *   <li>{@code GET wire-problems} (answers {@code wire_problems: [{"operation", "field", "kind", "detail"}]},
 *       see {@link #wireProblems()}); {@code POST wire-problems/clear}</li>
 *   <li>{@code POST tokens/revoke}; {@code GET tokens} (fetches, issued); {@code POST push-target {"url", "token", "mode",
 *       "format", "encoding_aes_key", "appid"}}; {@code GET pushes}</li>
 *   <li>the drama player, under {@code /__emulator/player/}: {@code POST playable}, {@code own-drama},
 *       {@code low-bitrate}, {@code duplicate-content}, {@code approve-promotion}, {@code reject-promotion},
 *       {@code take-down-promotion} {@code {"src_appid", "drama_id"}}; {@code POST finder-event} (also
 *       {@code "event_name", "event_url"}; answers {@code encrypted_event_id}); {@code GET state}</li>
 * </ul>
 *
 * <p><b>Drama player</b> ({@code /wxadrama/*}, API.md §8): the nine operations, every field checked
 * against the pages' request tables (an unknown field, a wrong JSON type or a missing field is
 * errcode 2, the pages' "bad parameter", recorded as a {@link WireProblem} like the 47003 ones; a
 * value outside R-30..R-33 is errcode 2 too), answered by the fake's player
 * ({@link InMemoryMiniDramaPlatform#playerControl()}).
 *
 * <p>Thread-safe. {@link #close()} stops the server and is idempotent. Failing to bind the port
 * (in use, an address not of this machine) throws {@link IllegalArgumentException} naming the
 * address, with the {@link java.io.IOException} as its cause.
 */
public final class MiniDramaEmulator implements AutoCloseable {
    private static final int DEFAULT_THREADS = 16;
    private static final long DEFAULT_KEEP_CONTENT = 64L * 1024 * 1024;
    private final InMemoryMiniDramaPlatform platform;
    private final Tokens tokens;
    private final Pusher pusher;
    private final WireProblems problems = new WireProblems();
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService sweeper;
    private final URI baseUrl;
    private final io.minidrama.adapter.fake.InMemoryComponentPlatform component;
    private final io.minidrama.emulator.internal.ComponentPusher componentPusher;

    private MiniDramaEmulator(Builder b) {
        this.platform = b.platform != null ? b.platform
                : InMemoryMiniDramaPlatform.builder().clock(b.followWallClock ? MutableClock.following(java.time.Clock.systemUTC())
                                : MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                        .keepContentUpTo(b.keepContentUpTo).abandonedUploadsExpireAfter(b.abandonedUploadTtl)
                        .retryPolicy(io.minidrama.port.RetryPolicy.none()).build();
        this.tokens = new Tokens(platform.clock(), b.appId, b.secret);
        this.pusher = new Pusher();
        platform.control().onUploadEvent(pusher::push);
        platform.control().onAuditEvent(pusher::push);
        if (b.pushUrl != null) {
            pusher.target(b.pushUrl, signer(b.pushToken, null, null, PushMode.PLAIN, PushFormat.XML, platform));
        }
        // Read once, when the JDK server's classes initialise: the first emulator of the process
        // decides, and a value the user set wins. Without nodelay the server batches small writes and
        // uploads wait for delayed ACKs; without the request and response times a connection that
        // stops sending half-way holds its thread for ever.
        serverDefault("sun.net.httpserver.nodelay", "true");
        serverDefault("sun.net.httpserver.maxReqTime", "60");
        serverDefault("sun.net.httpserver.maxRspTime", "60");
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "minidrama-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Abandoned uploads are freed by the next call; an idle emulator frees them too.
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "minidrama-emulator-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> platform.control().tick(), 1, 1, TimeUnit.MINUTES);
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.address, b.port), 512);
        } catch (IOException e) {
            sweeper.shutdownNow();
            executor.shutdownNow();
            throw new IllegalArgumentException("cannot bind the emulator to " + b.address + ":" + b.port + " (" + e.getMessage() + ")", e);
        }
        server.createContext(ApiHandler.PREFIX, new ApiHandler(platform, tokens, problems));
        server.createContext("/cgi-bin/", new TokenHandler(tokens, problems));
        server.createContext(ControlHandler.PREFIX, new ControlHandler(platform, tokens, pusher, problems));
        server.createContext(io.minidrama.emulator.internal.PlayerHandler.PREFIX, new io.minidrama.emulator.internal.PlayerHandler(platform, tokens, problems));
        server.createContext(io.minidrama.emulator.internal.PlayerControlHandler.PREFIX,
                new io.minidrama.emulator.internal.PlayerControlHandler(platform.playerControl()));
        if (b.componentAppId != null) {
            // a third-party platform (API.md section 10): its component API, its authorizers' tokens accepted by every operation
            this.component = io.minidrama.adapter.fake.InMemoryComponentPlatform.builder(b.componentAppId, b.componentSecret)
                    .clock(platform.clock()).build();
            component.tokenLifetime(b.componentTokenLifetime);
            this.componentPusher = new io.minidrama.emulator.internal.ComponentPusher(b.componentAppId, platform.clock());
            tokens.authority(new Tokens.Authority() {
                @Override
                public boolean issued(String token) {
                    return component.owner(token).isPresent();
                }

                @Override
                public void check(String token, io.minidrama.port.PlatformOperation operation) {
                    component.checkAuthorizerToken(token, operation.permissionSet());
                }
            });
            server.createContext(io.minidrama.emulator.internal.ComponentHandler.PREFIX,
                    new io.minidrama.emulator.internal.ComponentHandler(component, problems, platform.clock()));
            server.createContext(io.minidrama.emulator.internal.ComponentControlHandler.PREFIX,
                    new io.minidrama.emulator.internal.ComponentControlHandler(component, componentPusher));
            if (b.ticketEvery != null) {
                sweeper.scheduleAtFixedRate(this::pushTicket, 0, b.ticketEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
        } else {
            this.component = null;
            this.componentPusher = null;
        }
        server.createContext("/", new Exchanges404());
        server.setExecutor(executor);
        server.start();
        String host = b.address.getHostAddress();
        this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort());
    }

    private static void serverDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Starts an emulator on a free port of the loopback interface, with a new fake. */
    public static MiniDramaEmulator start() {
        return builder().start();
    }

    /** Starts an emulator on {@code port} of the loopback interface, with a new fake. */
    public static MiniDramaEmulator start(int port) {
        return builder().port(port).start();
    }

    /** A builder, for a chosen fake, port, credentials or push target. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the emulator listens, such as {@code http://127.0.0.1:50123}; give it to the HTTP adapter as its base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port the emulator listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The fake behind the emulator. */
    public InMemoryMiniDramaPlatform platform() {
        return platform;
    }

    /** The fake's control surface (the same state the HTTP control prefix drives). */
    public FakeControl control() {
        return platform.control();
    }

    /** The fake's clock. */
    public MutableClock clock() {
        return platform.control().clock();
    }

    /** How many token requests were answered with a token. */
    public int tokenFetches() {
        return tokens.fetches();
    }

    /** Every access token issued so far, revoked ones included: secrets a test can look for in logs. */
    public List<String> issuedTokens() {
        return tokens.issued();
    }

    /**
     * The requests the emulator refused because they did not fit the official pages' request
     * tables, oldest first (the latest 1000 are kept): a field the table does not have, a value of
     * the wrong JSON type (such as an id sent as a string, or a number with a fraction), a required
     * field left out, each with the operation and the field's path ({@code copyright.copyright_role},
     * {@code media_part_infos[0].etag}). Such a request is answered 47003 "argument invalid!" naming
     * the field (the token endpoints answer a missing field with their own codes: 40002, 41002,
     * 41004), before the operation runs. A test that drives a client against the emulator can assert
     * this list is empty at the end: the client sent only what the pages document. Also
     * {@code GET /__emulator/wire-problems}.
     *
     * @return an immutable snapshot
     */
    public List<WireProblem> wireProblems() {
        return problems.list();
    }

    /** Forgets the wire problems recorded so far (also {@code POST /__emulator/wire-problems/clear}). */
    public void clearWireProblems() {
        problems.clear();
    }

    /** Invalidates every token issued so far: the next call with one is answered 40001. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /**
     * Pushes every later upload and audit event to {@code url}, signed (and, unless {@code mode} is
     * plain, encrypted) as the platform does, synchronously when the event happens.
     *
     * @param encodingAesKey the 43-character key; ignored in plain mode
     * @param appId          the mini program's appid, sealed into encrypted messages; ignored in plain mode
     *                       The push's {@code timestamp} comes from the fake's clock: give a receiver that
     *                       checks freshness the same clock ({@link #clock()}).
     */
    public void pushTo(URI url, String token, String encodingAesKey, String appId, PushMode mode, PushFormat format) {
        pusher.target(Objects.requireNonNull(url, "url"), signer(token, encodingAesKey, appId, mode, format, platform));
    }

    /**
     * The emulated third-party platform ({@link Builder#component}): authorize and revoke merchants,
     * issue tickets, inject 61003 / 61005 / 61006 / 61007 / 61023, read what was called.
     *
     * @throws IllegalStateException when the emulator was built without one
     */
    public io.minidrama.adapter.fake.InMemoryComponentPlatform component() {
        if (component == null) {
            throw new IllegalStateException("this emulator has no third-party platform: build it with component(appid, secret)");
        }
        return component;
    }

    /**
     * Pushes the third-party platform's events (tickets, {@code authorized}, {@code updateauthorized},
     * {@code unauthorized}) to its authorization event URL from now on, in safe mode.
     */
    public void pushComponentEventsTo(URI url, String token, String encodingAesKey) {
        component();
        componentPusher.target(Objects.requireNonNull(url, "url"), Objects.requireNonNull(token, "token"),
                Objects.requireNonNull(encodingAesKey, "encodingAesKey"));
    }

    /** Issues a new verify ticket and pushes it (when a target is set); returns it. */
    public String pushTicket() {
        String ticket = component().issueTicket();
        componentPusher.ticket(ticket);
        return ticket;
    }

    /** Authorizes {@code authorizerAppId} with {@code permissionSets}, pushing {@code authorized}; returns the code. */
    public String authorizeComponent(String authorizerAppId, java.util.Set<Integer> permissionSets) {
        String code = component().authorize(authorizerAppId, permissionSets);
        componentPusher.authorized("authorized", authorizerAppId, code);
        return code;
    }

    /** Revokes the platform for {@code authorizerAppId}, pushing {@code unauthorized}. */
    public void revokeComponent(String authorizerAppId) {
        component().revoke(authorizerAppId);
        componentPusher.unauthorized(authorizerAppId);
    }

    /** How every third-party platform push went. */
    public List<String> componentPushLog() {
        return componentPusher == null ? List.of() : componentPusher.log();
    }

    /** Stops pushing events. */
    public void stopPushing() {
        pusher.target(null, null);
    }

    /** How every push so far went: event type, the callback's HTTP status and body, or the failure. */
    public List<String> pushLog() {
        return pusher.deliveries().stream()
                .map(d -> d.event().envelope().event() + " -> " + (d.failure().isEmpty() ? d.status() + " " + d.body() : d.failure()))
                .toList();
    }

    private static PushEventSigner signer(String token, String key, String appId, PushMode mode, PushFormat format,
                                          InMemoryMiniDramaPlatform platform) {
        PushEventSigner.Builder b = PushEventSigner.builder().token(token).mode(mode).format(format).clock(platform.clock());
        if (mode != PushMode.PLAIN) {
            b.encryption(key, appId);
        }
        return b.build();
    }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
        server.stop(0);
        sweeper.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "MiniDramaEmulator[" + baseUrl + "]";
    }

    /**
     * Runs an emulator from the command line until the process is stopped.
     * Options: {@code --port N} (default 8080), {@code --host ADDRESS} (default 127.0.0.1),
     * {@code --appid ID --secret SECRET} (default: accept any), {@code --keep-content-mb N} (default 64),
     * {@code --threads N} (default 16), {@code --abandoned-upload-minutes N} (default 60).
     */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder().port(8080).followWallClock();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(Objects.requireNonNull(v, "--port needs a value")));
                case "--host" -> b.address(Objects.requireNonNull(v, "--host needs a value"));
                case "--appid" -> b.appId = Objects.requireNonNull(v, "--appid needs a value");
                case "--secret" -> b.secret = Objects.requireNonNull(v, "--secret needs a value");
                case "--keep-content-mb" -> b.keepContentUpTo(
                        Long.parseLong(Objects.requireNonNull(v, "--keep-content-mb needs a value")) * 1024 * 1024);
                case "--threads" -> b.threads(Integer.parseInt(Objects.requireNonNull(v, "--threads needs a value")));
                case "--abandoned-upload-minutes" -> b.abandonedUploadsExpireAfter(
                        Duration.ofMinutes(Long.parseLong(Objects.requireNonNull(v, "--abandoned-upload-minutes needs a value"))));
                case "--help", "-h" -> {
                    System.out.println("usage: MiniDramaEmulator [--port N] [--host ADDRESS] [--appid ID --secret SECRET]"
                            + " [--keep-content-mb N (media larger than this keep only size and SHA-256; default 64)]"
                            + " [--threads N (requests served at once; default 16)]"
                            + " [--abandoned-upload-minutes N (uploads never committed are freed after this long without a part; default 60)]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
            i++;
        }
        MiniDramaEmulator emulator = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("mini-drama emulator listening on " + emulator.baseUrl()
                + " (operations under /wxa/sec/vod/, tokens under /cgi-bin/, control under /__emulator/)");
        Thread.currentThread().join();
    }

    /**
     * Builder of {@link MiniDramaEmulator}. Not thread-safe.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private InMemoryMiniDramaPlatform platform;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private String appId;
        private String secret;
        private URI pushUrl;
        private String pushToken;
        private int threads = DEFAULT_THREADS;
        private long keepContentUpTo = DEFAULT_KEEP_CONTENT;
        private Duration abandonedUploadTtl = Duration.ofHours(1);
        private boolean followWallClock;
        private String componentAppId;
        private String componentSecret;
        private Duration ticketEvery;
        private Duration componentTokenLifetime = io.minidrama.adapter.fake.InMemoryComponentPlatform.TOKEN_LIFETIME;

        private Builder() {
        }

        /**
         * Emulates a third-party platform too: the component API under {@code /cgi-bin/component/},
         * control routes under {@code /__emulator/component/}, and its authorizers' access tokens
         * accepted by every operation (checked for revocation and permission sets 153 / 157).
         */
        public Builder component(String componentAppId, String componentSecret) {
            this.componentAppId = Objects.requireNonNull(componentAppId, "componentAppId");
            this.componentSecret = Objects.requireNonNull(componentSecret, "componentSecret");
            return this;
        }

        /**
         * Issues and pushes a verify ticket this often by the wall clock, the first at start
         * (the platform: every 10 minutes). Needs {@link #component}.
         */
        public Builder ticketEvery(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("period must be positive");
            }
            this.ticketEvery = period;
            return this;
        }

        /**
         * How long the third-party platform's component and authorizer tokens live (default 2 hours,
         * as the platform's): shorter for soak runs where tokens must expire within a short
         * simulated time. Needs {@link #component}.
         */
        public Builder componentTokenLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.isZero() || lifetime.isNegative()) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            this.componentTokenLifetime = lifetime;
            return this;
        }

        /**
         * The default fake's clock follows the wall clock (plus whatever {@code clock/advance} adds)
         * instead of standing still at the start second: for an emulator that runs as a service,
         * where clients judge "now" by their own clocks (a play link expiring 2 hours from the
         * client's now is refused by a clock that stopped an hour ago). Tests that want repeatable
         * times keep the default. Ignored when {@link #platform} is given.
         */
        public Builder followWallClock() {
            this.followWallClock = true;
            return this;
        }

        /**
         * The fake to serve (default: a new one with a {@link MutableClock} at the current second (or
         * following the wall clock, {@link #followWallClock}),
         * {@link #keepContentUpTo} and {@link #abandonedUploadsExpireAfter}); a fake given here keeps its own settings.
         * It MUST be built with {@code retryPolicy(RetryPolicy.none())}: the emulator answers every
         * request as the platform would, once; retrying is its clients' business.
         *
         * @throws IllegalArgumentException if the fake retries failed calls itself
         */
        public Builder platform(InMemoryMiniDramaPlatform platform) {
            Objects.requireNonNull(platform, "platform");
            if (platform.retryPolicy().maxAttempts() > 1) {
                throw new IllegalArgumentException("the emulator's fake must not retry (its clients do): build it with "
                        + "InMemoryMiniDramaPlatform.builder().retryPolicy(RetryPolicy.none())");
            }
            this.platform = platform;
            return this;
        }

        /** The port (default 0: any free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** The address to bind (default: loopback). */
        public Builder address(String host) {
            try {
                this.address = InetAddress.getByName(Objects.requireNonNull(host, "host"));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + host, e);
            }
            return this;
        }

        /** Accept only this appid and secret at the token endpoints (default: any). */
        public Builder credentials(String appId, String secret) {
            this.appId = Objects.requireNonNull(appId, "appId");
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Push events in plain mode, XML, signed with {@code token}, to {@code url}. */
        public Builder pushTo(URI url, String token) {
            this.pushUrl = Objects.requireNonNull(url, "url");
            this.pushToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** How many requests are served at once (default 16); more wait their turn. */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be 1..1024");
            }
            this.threads = threads;
            return this;
        }

        /**
         * The default fake keeps the bytes of media up to this size (default 64 MB); larger media keep
         * only size and SHA-256, and {@code GET /__emulator/media/{id}/content} answers 404 for them.
         * Ignored when {@link #platform} is given.
         */
        public Builder keepContentUpTo(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0");
            }
            this.keepContentUpTo = bytes;
            return this;
        }

        /**
         * The default fake frees an upload that had no {@code applyupload} or {@code uploadpart} for this
         * long by the wall clock (default 1 hour); its {@code upload_id} is then answered 10093030.
         * Ignored when {@link #platform} is given.
         */
        public Builder abandonedUploadsExpireAfter(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive");
            }
            this.abandonedUploadTtl = ttl;
            return this;
        }

        /** Starts the emulator. */
        public MiniDramaEmulator start() {
            return new MiniDramaEmulator(this);
        }
    }
}
