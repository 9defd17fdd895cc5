package io.minidrama.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code minidrama.*} configuration. One mini program: {@code minidrama.appid} and
 * {@code minidrama.secret} (and {@code minidrama.base-url} for the emulator). Several:
 * {@code minidrama.apps.<name>.appid} and {@code .secret}, reached through {@link MiniDramaApps}.
 * Secrets are {@link MiniDramaSecret}s: redacted in {@code toString()} and in the actuator's
 * {@code env} and {@code configprops} output.
 */
@ConfigurationProperties(prefix = "minidrama")
public class MiniDramaProperties {

    /** The mini program's appid; with the secret, enables the platform client beans. */
    private String appid;

    /** The mini program's AppSecret (access tokens come from stable_token). */
    private MiniDramaSecret secret;

    /** The API host; aim it at a MiniDramaEmulator in tests. */
    private URI baseUrl = URI.create("https://api.weixin.qq.com");

    /** Deadline of one whole exchange with the platform, bodies included. */
    private Duration callTimeout = Duration.ofMinutes(5);

    /** TCP and TLS connect timeout of the JDK transport (when no HttpTransport bean is given). */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Uploads. */
    private final Uploads uploads = new Uploads();

    /** Push events (upload and audit events) and their webhook. */
    private final Events events = new Events();

    /** Further mini programs served by this application, by a name of your choosing. */
    private Map<String, App> apps = new LinkedHashMap<>();

    /** The Actuator health indicator. */
    private final Health health = new Health();

    /** A third-party platform (component) serving authorizer mini programs. */
    private final Component component = new Component();

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }

    public MiniDramaSecret getSecret() {
        return secret;
    }

    public void setSecret(MiniDramaSecret secret) {
        this.secret = secret;
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Uploads getUploads() {
        return uploads;
    }

    public Events getEvents() {
        return events;
    }

    public Component getComponent() {
        return component;
    }

    public Health getHealth() {
        return health;
    }

    public Map<String, App> getApps() {
        return apps;
    }

    public void setApps(Map<String, App> apps) {
        this.apps = apps;
    }

    /** One more mini program ({@code minidrama.apps.<name>.*}). */
    public static class App {

        /** This mini program's appid. */
        private String appid;

        /** This mini program's AppSecret. */
        private MiniDramaSecret secret;

        /** The API host for this mini program (default: minidrama.base-url). */
        private URI baseUrl;

        public String getAppid() {
            return appid;
        }

        public void setAppid(String appid) {
            this.appid = appid;
        }

        public MiniDramaSecret getSecret() {
            return secret;
        }

        public void setSecret(MiniDramaSecret secret) {
            this.secret = secret;
        }

        public URI getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }
    }

    /** Where upload checkpoints are kept ({@code minidrama.uploads.checkpoint-store}). */
    public enum CheckpointStore {
        /** Redis when minidrama-adapter-redis and a Lettuce {@code RedisClient} or Spring Data Redis {@code LettuceConnectionFactory} bean are present, else the directory. */
        AUTO,
        /** Files in {@code minidrama.uploads.checkpoint-directory}. */
        DIRECTORY,
        /** Redis (minidrama-adapter-redis), over the application's Lettuce {@code RedisClient} or {@code LettuceConnectionFactory} bean; startup fails without one. */
        REDIS
    }

    /** {@code minidrama.uploads.*}. */
    public static class Uploads {

        /** Where upload checkpoints are kept, when no UploadCheckpointPort bean is given: auto (Redis when a Lettuce RedisClient or LettuceConnectionFactory bean and minidrama-adapter-redis are present, else the directory), directory or redis. */
        private CheckpointStore checkpointStore = CheckpointStore.AUTO;

        /** Where upload checkpoints are kept in the directory store, so an interrupted upload resumes. */
        private Path checkpointDirectory = Path.of(System.getProperty("java.io.tmpdir"), "minidrama-checkpoints");

        /** Upload checkpoints in Redis. */
        private final Redis redis = new Redis();

        /** Parts of one upload in flight at once. */
        private int partConcurrency = 4;

        public CheckpointStore getCheckpointStore() {
            return checkpointStore;
        }

        public void setCheckpointStore(CheckpointStore checkpointStore) {
            this.checkpointStore = checkpointStore;
        }

        public Redis getRedis() {
            return redis;
        }

        public Path getCheckpointDirectory() {
            return checkpointDirectory;
        }

        public void setCheckpointDirectory(Path checkpointDirectory) {
            this.checkpointDirectory = checkpointDirectory;
        }

        public int getPartConcurrency() {
            return partConcurrency;
        }

        public void setPartConcurrency(int partConcurrency) {
            this.partConcurrency = partConcurrency;
        }
    }

    /** {@code minidrama.uploads.redis.*}. */
    public static class Redis {

        /** The prefix of the checkpoint keys; every instance sharing the uploads must use the same. */
        private String keyPrefix = "minidrama";

        /** How long a checkpoint is kept after its last save. */
        private Duration ttl = Duration.ofDays(7);

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }
    }

    /** Where a third-party platform keeps its tickets and tokens ({@code minidrama.component.store}). */
    public enum ComponentStoreKind {
        /** Redis when minidrama-adapter-redis and a Lettuce {@code RedisClient} or Spring Data Redis {@code LettuceConnectionFactory} bean are present, else memory. */
        AUTO,
        /** In this process only (tickets arrive every 10 minutes; authorizers' refresh tokens are re-pulled from the platform after a restart). */
        MEMORY,
        /** Redis (minidrama-adapter-redis), shared by every instance; startup fails without a client. */
        REDIS
    }

    /** {@code minidrama.component.*}: a third-party platform. */
    public static class Component {

        /** The third-party platform's appid (component_appid); enables ComponentTokens and MiniDramaClients. */
        private String appid;

        /** The third-party platform's AppSecret (component_appsecret). */
        private MiniDramaSecret secret;

        /** The Token of the platform's authorization event URL (message verification); enables the ComponentEventReceiver. */
        private MiniDramaSecret token;

        /** The EncodingAESKey of the platform's authorization event URL (its pushes are always encrypted). */
        private MiniDramaSecret encodingAesKey;

        /** Where tickets, component and authorizer tokens and refresh tokens are kept: auto, memory or redis. */
        private ComponentStoreKind store = ComponentStoreKind.AUTO;

        /** The prefix of the Redis keys (store redis); every instance of the platform must use the same. */
        private String redisKeyPrefix = "minidrama";

        /** How far a push's timestamp may be from this machine's clock, either way. */
        private Duration maxAge = Duration.ofMinutes(5);

        /** The webhook (Spring MVC) that receives the platform's pushes: tickets, authorized, updateauthorized, unauthorized. */
        private final ComponentWebhook webhook = new ComponentWebhook();

        public String getAppid() {
            return appid;
        }

        public void setAppid(String appid) {
            this.appid = appid;
        }

        public MiniDramaSecret getSecret() {
            return secret;
        }

        public void setSecret(MiniDramaSecret secret) {
            this.secret = secret;
        }

        public MiniDramaSecret getToken() {
            return token;
        }

        public void setToken(MiniDramaSecret token) {
            this.token = token;
        }

        public MiniDramaSecret getEncodingAesKey() {
            return encodingAesKey;
        }

        public void setEncodingAesKey(MiniDramaSecret encodingAesKey) {
            this.encodingAesKey = encodingAesKey;
        }

        public ComponentStoreKind getStore() {
            return store;
        }

        public void setStore(ComponentStoreKind store) {
            this.store = store;
        }

        public String getRedisKeyPrefix() {
            return redisKeyPrefix;
        }

        public void setRedisKeyPrefix(String redisKeyPrefix) {
            this.redisKeyPrefix = redisKeyPrefix;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        public ComponentWebhook getWebhook() {
            return webhook;
        }
    }

    /** {@code minidrama.component.webhook.*}. */
    public static class ComponentWebhook {

        /** Whether to serve the webhook when the platform's Token is configured and Spring MVC is present. */
        private boolean enabled = true;

        /** The path of the webhook: the platform's authorization event URL ends with it. */
        private String path = "/minidrama/component/events";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** {@code minidrama.health.*}. */
    public static class Health {

        /** How far this machine's clock may be from the platform's (its responses' Date header) before the health indicator reports DOWN. */
        private Duration maxClockSkew = Duration.ofMinutes(1);

        public Duration getMaxClockSkew() {
            return maxClockSkew;
        }

        public void setMaxClockSkew(Duration maxClockSkew) {
            this.maxClockSkew = maxClockSkew;
        }
    }

    /** {@code minidrama.events.*}. */
    public static class Events {

        /** The Token of the console's message-push settings; enables the push-event receiver. */
        private MiniDramaSecret token;

        /** The EncodingAESKey of the console's message-push settings (compatible and safe mode). */
        private MiniDramaSecret encodingAesKey;

        /** Also accept plain pushes while an EncodingAESKey is configured (weaker: see minidrama-events' README). */
        private boolean allowPlainMode;

        /** How far a push's timestamp may be from this machine's clock, either way. */
        private Duration maxAge = Duration.ofMinutes(5);

        /** The webhook (Spring MVC) that answers the console's URL check and receives pushes. */
        private final Webhook webhook = new Webhook();

        public MiniDramaSecret getToken() {
            return token;
        }

        public void setToken(MiniDramaSecret token) {
            this.token = token;
        }

        public MiniDramaSecret getEncodingAesKey() {
            return encodingAesKey;
        }

        public void setEncodingAesKey(MiniDramaSecret encodingAesKey) {
            this.encodingAesKey = encodingAesKey;
        }

        public boolean isAllowPlainMode() {
            return allowPlainMode;
        }

        public void setAllowPlainMode(boolean allowPlainMode) {
            this.allowPlainMode = allowPlainMode;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        public Webhook getWebhook() {
            return webhook;
        }
    }

    /** {@code minidrama.events.webhook.*}. */
    public static class Webhook {

        /** Whether to serve the webhook when a push Token is configured and Spring MVC is present. */
        private boolean enabled = true;

        /** The path of the webhook: the push URL to enter in the console ends with it. */
        private String path = "/minidrama/events";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }
}
