package io.minidrama.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryListener;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.upload.UploadListener;

import java.util.Objects;

/**
 * Micrometer observations of the SDK: decorators that observe every platform call, every token
 * fetch and every retry, and an upload listener that meters bytes, parts and throughput.
 *
 * <pre>{@code
 * ObservationRegistry observations = ...;          // Spring Boot: the ObservationRegistry bean
 * MiniDramaPlatform platform = MiniDramaObservations.observe(
 *         RetryingMiniDramaPlatform.wrap(adapter, RetryPolicy.defaults(), Sleeper.SYSTEM)
 *                 .withListener(MiniDramaObservations.retryListener(observations)),
 *         observations);
 * uploads.upload(FileUploadRequest.builder(video, name)
 *         .listener(MiniDramaObservations.uploadListener(meters)).build());
 * }</pre>
 *
 * <p>What is observed, each with low-cardinality tags only (never an id, a name, a token or a
 * secret):
 * <ul>
 *   <li>{@value #CALL}: one observation per platform call, its contextual name (the span's name)
 *       the operation's wire name; tags {@value #OPERATION} ({@code uploadpart}...),
 *       {@value #OUTCOME} ({@code success}, {@code platform_error}, {@code transport_error},
 *       {@code deadline}, {@code unexpected_response}, {@code invalid_request},
 *       {@code other_error}) and {@value #ERRCODE} (the errcode's
 *       {@link io.minidrama.domain.error.ErrorCode} in lower case, such as {@code too_frequent}
 *       or {@code unknown}; {@code none} unless a platform error). Placed outside the retrying
 *       decorator it measures a whole call, retries included.</li>
 *   <li>{@value #RETRY}: one short observation per retry (tags {@value #OPERATION},
 *       {@value #OUTCOME} and {@value #ERRCODE} of the attempt that failed), a child of the call's
 *       span, and an event of the same name on the current observation.</li>
 *   <li>{@value #TOKEN_FETCH}: one observation per access token fetched from the source (a cache
 *       miss, an expiry, or a replacement of a token the platform refused); tags
 *       {@value #REASON} ({@code fetch} or {@code replace_rejected}), {@value #OUTCOME},
 *       {@value #ERRCODE}.</li>
 *   <li>{@value #COMPONENT_CALL}: one observation per call of a third-party platform's
 *       {@link ComponentPort} ({@code /cgi-bin/component/*}), its contextual name the operation's
 *       wire name; tags {@value #OPERATION} ({@code api_component_token},
 *       {@code api_create_preauthcode}, {@code api_query_auth}, {@code api_authorizer_token},
 *       {@code api_get_authorizer_list}, {@code api_get_authorizer_info}), {@value #OUTCOME} and
 *       {@value #ERRCODE} as for {@value #CALL} (the component's errcodes have their own
 *       classes, such as {@code refresh_token_invalid} for 61023). The component token fetch and each authorizer token refresh are the
 *       operations {@code api_component_token} and {@code api_authorizer_token} of this name, not
 *       {@value #TOKEN_FETCH}: one name keeps one set of tag keys, as Prometheus requires.</li>
 *   <li>Meters of uploads: the counters {@value #UPLOAD_BYTES} and {@value #UPLOAD_PARTS}, and the
 *       distribution summary {@value #UPLOAD_THROUGHPUT} (bytes per second of a run).</li>
 * </ul>
 *
 * <p>With a {@code MeterRegistry} behind the observation registry (Spring Boot's
 * {@code DefaultMeterObservationHandler}) each observation is a timer of its name; with
 * Micrometer Tracing each is a span. With {@link ObservationRegistry#NOOP} nothing is recorded.
 * Every decorator is thread-safe if what it decorates is.
 */
public final class MiniDramaObservations {

    /** Name of the observation of one platform call. */
    public static final String CALL = "minidrama.platform.call";
    /** Name of the observation of one retry (and of the event on the call's observation). */
    public static final String RETRY = "minidrama.platform.retry";
    /** Name of the observation of one token fetch. */
    public static final String TOKEN_FETCH = "minidrama.token.fetch";
    /** Name of the observation of one call of a third-party platform's component API. */
    public static final String COMPONENT_CALL = "minidrama.component.call";
    /** Counter of bytes uploaded. */
    public static final String UPLOAD_BYTES = "minidrama.upload.bytes";
    /** Counter of upload parts finished. */
    public static final String UPLOAD_PARTS = "minidrama.upload.parts";
    /** Distribution summary of upload throughput, bytes per second. */
    public static final String UPLOAD_THROUGHPUT = "minidrama.upload.throughput";

    /** Tag: the operation's wire name. */
    public static final String OPERATION = "operation";
    /** Tag: how the call ended. */
    public static final String OUTCOME = "outcome";
    /** Tag: the class of the platform's errcode. */
    public static final String ERRCODE = "errcode.class";
    /** Tag: why a token was fetched. */
    public static final String REASON = "reason";

    private MiniDramaObservations() {
    }

    /**
     * {@code platform} with one {@value #CALL} observation around each of its calls. The result
     * is a {@link MiniDramaPlatform} only: decorate before narrowing to another port.
     *
     * @param platform the platform to observe
     * @param registry where observations go
     * @return the observed platform
     */
    public static MiniDramaPlatform observe(MiniDramaPlatform platform, ObservationRegistry registry) {
        return new ObservedPlatform(platform, registry);
    }

    /**
     * {@code source} with one {@value #TOKEN_FETCH} observation per fetch: wrap the source a
     * token cache fetches from, so that only real fetches are observed.
     *
     * @param source   the token source to observe
     * @param registry where observations go
     * @return the observed source
     */
    public static AccessTokenSource observe(AccessTokenSource source, ObservationRegistry registry) {
        return new ObservedTokenSource(source, registry);
    }

    /**
     * {@code port} with one {@value #COMPONENT_CALL} observation around each of its calls: the
     * component token fetch ({@code api_component_token}), each authorizer token refresh
     * ({@code api_authorizer_token}) and the other component operations. Give the result to the
     * protocol's {@code ComponentTokens.builder(..).port(..)}, which calls the port only when its
     * cached tokens do not serve.
     *
     * @param port     the component port to observe
     * @param registry where observations go
     * @return the observed port
     */
    public static ComponentPort observe(ComponentPort port, ObservationRegistry registry) {
        return new ObservedComponentPort(port, registry);
    }

    /**
     * A listener for {@link RetryingMiniDramaPlatform#withListener} that observes each retry as
     * {@value #RETRY}.
     *
     * @param registry where observations go
     * @return the listener
     */
    public static RetryListener retryListener(ObservationRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return (op, failedAttempt, failure, wait) -> {
            Observation current = registry.getCurrentObservation();
            if (current != null) {
                current.event(Observation.Event.of(RETRY));
            }
            Observation.createNotStarted(RETRY, registry)
                    .contextualName(op.wireName() + " retry")
                    .lowCardinalityKeyValue(OPERATION, op.wireName())
                    .lowCardinalityKeyValue(OUTCOME, Outcome.of(failure))
                    .lowCardinalityKeyValue(ERRCODE, Outcome.errcodeClass(failure))
                    .start().stop();
        };
    }

    /**
     * A new listener for one upload that meters its bytes, parts and throughput into
     * {@code registry}. Give each upload its own: the first progress it hears is taken as the
     * resumed state, not counted.
     *
     * @param registry where the meters are registered
     * @return the listener
     */
    public static UploadListener uploadListener(MeterRegistry registry) {
        return new UploadMeters(registry, UploadListener.NONE);
    }

    /**
     * As {@link #uploadListener(MeterRegistry)}, then passes each progress on to {@code next}.
     *
     * @param registry where the meters are registered
     * @param next     the application's own listener
     * @return the listener
     */
    public static UploadListener uploadListener(MeterRegistry registry, UploadListener next) {
        return new UploadMeters(registry, next);
    }
}
