package io.minidrama.protocol.component;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.UploadExecutor;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.protocol.spi.HttpTransport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The clients of many mini programs, sharing one transport (one connection pool), one token
 * store and, with {@link Builder#uploads}, one {@link UploadExecutor} for their uploads:
 * {@link #client(String)} hands out the client of an appid, created on first use: with the
 * mini program's own secret if one was {@linkplain Builder#app registered}, otherwise as an
 * authorizer of the {@linkplain Builder#component third-party platform} (authorizer tokens from the
 * shared {@link ComponentTokens}, and revocation and permission sets checked before every call).
 * {@link #uploads(String)} hands out the appid's {@link FileUploadService}, running on the shared
 * upload executor (at most its {@code maxParallelParts} parts in flight across every app).
 * {@link #close()} closes them together, the upload executor and the transport.
 *
 * <pre>{@code
 * try (MiniDramaClients clients = MiniDramaClients.builder()
 *         .transport(JdkHttpTransport.create())
 *         .component(componentTokens)
 *         .build()) {
 *     clients.client("wx-authorizer").listMedia(query);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MiniDramaClients implements AutoCloseable {
    private final HttpTransport transport;
    private final URI baseUrl;
    private final ComponentTokens component;
    private final Map<String, String> secrets;
    private final Consumer<MiniDramaClient.Builder> options;
    private final BiFunction<String, MiniDramaPlatform, MiniDramaPlatform> decorator;
    private final Map<String, MiniDramaPlatform> clients = new ConcurrentHashMap<>();
    private final Function<String, UploadCheckpointPort> checkpoints;
    private final Consumer<FileUploadService.Builder> uploadOptions;
    private final UploadExecutor uploadExecutor;
    private final Map<String, FileUploadService> uploads = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private MiniDramaClients(Builder b) {
        this.transport = b.transport;
        this.baseUrl = b.baseUrl;
        this.component = b.component;
        this.secrets = Map.copyOf(b.secrets);
        this.options = b.options;
        this.checkpoints = b.checkpoints;
        this.uploadOptions = b.uploadOptions;
        this.uploadExecutor = b.checkpoints == null ? null : UploadExecutor.create(b.maxParallelParts);
        this.decorator = b.decorator;
    }

    /** A builder; a {@link Builder#transport transport} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The client of {@code appId}, created on first use and then shared.
     *
     * @throws ComponentAuthorizationException REVOKED when the appid revoked the platform (no client is created)
     * @throws IllegalArgumentException        for an appid without a secret when no component is configured
     * @throws IllegalStateException           after {@link #close()}
     */
    public MiniDramaPlatform client(String appId) {
        Objects.requireNonNull(appId, "appId");
        if (closed) {
            throw new IllegalStateException("these clients are closed");
        }
        MiniDramaPlatform c = clients.computeIfAbsent(appId, id -> Objects.requireNonNull(decorator.apply(id, create(id)), "decorate(..) returned null"));
        if (closed) {
            clients.remove(appId);
            throw new IllegalStateException("these clients are closed");
        }
        return c;
    }

    private MiniDramaPlatform create(String appId) {
        MiniDramaClient.Builder b = MiniDramaClient.builder().transport(transport).baseUrl(baseUrl);
        options.accept(b);
        String secret = secrets.get(appId);
        if (secret != null) {
            return b.credentials(appId, secret).build();
        }
        if (component == null) {
            throw new IllegalArgumentException("no secret is registered for " + appId + " and no third-party platform is configured");
        }
        component.grant(appId).filter(g -> g.revoked()).ifPresent(g -> {
            throw ComponentAuthorizationException.revoked("client", appId);
        });
        return new AuthorizerGuard(b.accessTokens(component.accessTokens(appId)).build(), component, appId);
    }

    /**
     * The upload service of {@code appId}, created on first use over {@link #client(String)}, with the
     * appid's checkpoint store, on the registry's shared {@link #uploadExecutor()}. Do not close it:
     * {@link #close()} does.
     *
     * @throws IllegalStateException without {@link Builder#uploads}, or after {@link #close()}
     */
    public FileUploadService uploads(String appId) {
        Objects.requireNonNull(appId, "appId");
        if (uploadExecutor == null) {
            throw new IllegalStateException("uploads are not configured: MiniDramaClients.builder().uploads(checkpointsPerApp, maxParallelParts)");
        }
        MiniDramaPlatform client = client(appId);
        FileUploadService service = uploads.computeIfAbsent(appId, id -> {
            FileUploadService.Builder b = FileUploadService.builder(client, Objects.requireNonNull(checkpoints.apply(id),
                    "the checkpoint store of " + id));
            uploadOptions.accept(b);
            return b.executor(uploadExecutor).build();
        });
        if (closed) {
            throw new IllegalStateException("these clients are closed");
        }
        return service;
    }

    /**
     * The one executor every app's uploads run on.
     *
     * @throws IllegalStateException without {@link Builder#uploads}
     */
    public UploadExecutor uploadExecutor() {
        if (uploadExecutor == null) {
            throw new IllegalStateException("uploads are not configured");
        }
        return uploadExecutor;
    }

    /** The appids whose clients exist now. */
    public Set<String> created() {
        return Set.copyOf(clients.keySet());
    }

    /**
     * Forgets every client, cancels running uploads (their checkpoints stay), stops the upload
     * executor and closes the transport; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        uploads.values().forEach(FileUploadService::close);
        uploads.clear();
        if (uploadExecutor != null) {
            uploadExecutor.close();
        }
        clients.clear();
        transport.close();
    }

    @Override
    public String toString() {
        return "MiniDramaClients[clients=" + clients.size() + ", apps with secrets=" + secrets.size()
                + (component == null ? "" : ", component=" + component.componentAppId()) + (closed ? ", closed" : "") + "]";
    }

    /** Builder of {@link MiniDramaClients}. Not thread-safe; {@code null} is refused. */
    public static final class Builder {
        private HttpTransport transport;
        private URI baseUrl = MiniDramaClient.DEFAULT_BASE_URL;
        private ComponentTokens component;
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private Consumer<MiniDramaClient.Builder> options = b -> { };
        private Function<String, UploadCheckpointPort> checkpoints;
        private int maxParallelParts;
        private Consumer<FileUploadService.Builder> uploadOptions = b -> { };
        private BiFunction<String, MiniDramaPlatform, MiniDramaPlatform> decorator = (appId, client) -> client;

        private Builder() {
        }

        /**
         * Enables {@link MiniDramaClients#uploads(String)}: each app's checkpoints in the store
         * {@code checkpointsPerApp} gives for its appid (one store per app, such as a directory per
         * appid: an upload id belongs to one mini program), and at most {@code maxParallelParts}
         * parts in flight across every app, on one {@link UploadExecutor}.
         *
         * @throws IllegalArgumentException if {@code maxParallelParts} is under 1
         */
        public Builder uploads(Function<String, UploadCheckpointPort> checkpointsPerApp, int maxParallelParts) {
            this.checkpoints = Objects.requireNonNull(checkpointsPerApp, "checkpointsPerApp");
            if (maxParallelParts < 1) {
                throw new IllegalArgumentException("maxParallelParts must be >= 1, got " + maxParallelParts);
            }
            this.maxParallelParts = maxParallelParts;
            return this;
        }

        /** Options applied to every app's upload service (threshold, part concurrency, clock); the executor is set here. */
        public Builder uploadOptions(Consumer<FileUploadService.Builder> options) {
            this.uploadOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The one transport of every client (required); {@link MiniDramaClients#close()} closes it. */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The API host (default {@code https://api.weixin.qq.com}). */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The third-party platform whose authorizers get clients. */
        public Builder component(ComponentTokens component) {
            this.component = Objects.requireNonNull(component, "component");
            return this;
        }

        /** A mini program called with its own secret (not through the platform). */
        public Builder app(String appId, String secret) {
            secrets.put(Objects.requireNonNull(appId, "appId"), Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /**
         * Options applied to every client's builder (timeouts, retry policy, clock); the transport,
         * base URL and tokens are set here.
         */
        public Builder clientOptions(Consumer<MiniDramaClient.Builder> options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Wraps each client once, when it is created: {@code decorator} gets the appid and the client
         * (an authorizer's with its revocation and permission checks inside) and returns what
         * {@link MiniDramaClients#client(String)} hands out, e.g. an observed or retrying decorator
         * ({@code (appId, client) -> MiniDramaObservations.observe(client, registry)}). Default: the
         * client itself. Must not return {@code null}.
         */
        public Builder decorate(BiFunction<String, MiniDramaPlatform, MiniDramaPlatform> decorator) {
            this.decorator = Objects.requireNonNull(decorator, "decorator");
            return this;
        }

        /**
         * Builds the registry; no client is created yet.
         *
         * @throws IllegalStateException without a transport
         */
        public MiniDramaClients build() {
            if (transport == null) {
                throw new IllegalStateException("transport(..) is required: the one transport every client shares");
            }
            return new MiniDramaClients(this);
        }
    }
}
