package io.minidrama.spring.boot;

import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far this machine's clock is from the platform's, as the call pipeline sees it: every response
 * that passes through a transport made by {@link #observe(HttpTransport)} and carries a {@code Date}
 * header (RFC 7231, whole seconds) is compared with the local clock when its headers arrived. The
 * latest comparison is kept. The header's one-second resolution and the network latency make the
 * measure good to about a second; a clock that is minutes off is what it is for.
 */
final class ClockSkew {

    /**
     * One comparison.
     *
     * @param skew       the platform's clock minus ours (positive: ours is behind), whole seconds
     * @param observedAt when it was made, by our clock
     */
    record Sample(Duration skew, Instant observedAt) {
    }

    private final Clock clock;
    private final AtomicReference<Sample> last = new AtomicReference<>();

    ClockSkew(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The latest comparison, if a response with a {@code Date} header was seen. */
    Optional<Sample> last() {
        return Optional.ofNullable(last.get());
    }

    /** {@code transport}, comparing each response's {@code Date} header with the local clock. */
    HttpTransport observe(HttpTransport transport) {
        Objects.requireNonNull(transport, "transport");
        return new HttpTransport() {
            @Override
            public TransportResponse execute(TransportRequest request) {
                TransportResponse response = transport.execute(request);
                response.header("date").ifPresent(ClockSkew.this::record);
                return response;
            }

            @Override
            public void close() {
                transport.close();
            }

            @Override
            public String toString() {
                return transport.toString();
            }
        };
    }

    void record(String dateHeader) {
        Instant local = clock.instant();
        Instant platform;
        try {
            platform = ZonedDateTime.parse(dateHeader.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notADate) {
            return;
        }
        last.set(new Sample(Duration.between(local.truncatedTo(ChronoUnit.SECONDS), platform), local));
    }
}
